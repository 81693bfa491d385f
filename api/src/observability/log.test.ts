import { scrubSecrets } from './log';

/** The last pass over every log line: secrets are blanked wherever they ended up in it. */
describe('scrubSecrets', () => {
  const saved = process.env.META_APP_SECRET;
  afterAll(() => (process.env.META_APP_SECRET = saved));

  test('blanks the values of secret-looking environment variables, anywhere in the line', () => {
    process.env.META_APP_SECRET = 'mas-unit-test-3f2e1d';
    expect(scrubSecrets('{"path":"/x/mas-unit-test-3f2e1d/y","note":"mas-unit-test-3f2e1d"}')).toBe(
      '{"path":"/x/[Redacted]/y","note":"[Redacted]"}',
    );
  });

  test('blanks bearer tokens, JWTs, token query parameters and URL passwords', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlLXBhcnQ';
    expect(scrubSecrets(`Authorization: Bearer abc.def-123`)).toBe('Authorization: Bearer [Redacted]');
    expect(scrubSecrets(`token ${jwt} end`)).toBe('token [Redacted] end');
    expect(scrubSecrets('/api/events?access_token=xyz&types=crisis')).toBe('/api/events?access_token=[Redacted]&types=crisis');
    expect(scrubSecrets('postgres://firebreak:s3cret@127.0.0.1:5432/db')).toBe('postgres://firebreak:[Redacted]@127.0.0.1:5432/db');
  });

  test('leaves ordinary lines alone', () => {
    const line = '{"level":"info","msg":"http request","route":"/api/interactions/:id","status":200}';
    expect(scrubSecrets(line)).toBe(line);
  });
});
