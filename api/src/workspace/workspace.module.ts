import { Global, Module } from '@nestjs/common';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceSettingsService } from './settings.service';

/** Global: the auth guard and the publish rules read the settings from anywhere. */
@Global()
@Module({ providers: [WorkspaceSettingsService], exports: [WorkspaceSettingsService], controllers: [WorkspaceController] })
export class WorkspaceModule {}
