import { createContext } from 'react';

/** Monaco fields are not form controls: a disabled <fieldset> does not reach them, this does. */
export const ReadOnlyContext = createContext(false);
