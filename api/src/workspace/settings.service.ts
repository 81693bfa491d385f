import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { WorkspaceSettingsEntity } from './settings.entity';

export interface WorkspaceSettings {
  ipAllowList: string[];
  fourEyesPublish: boolean;
}

/** Settings are read on every request (the IP allow-list), so they are cached for a second. */
const TTL_MS = 1000;

@Injectable()
export class WorkspaceSettingsService {
  private cached: { at: number; value: WorkspaceSettings } | null = null;
  private secret: Promise<string> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(): Promise<WorkspaceSettings> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.value;
    const row = await this.db.getRepository(WorkspaceSettingsEntity).findOneByOrFail({ id: 1 });
    const value = { ipAllowList: row.ipAllowList, fourEyesPublish: row.fourEyesPublish };
    this.cached = { at: Date.now(), value };
    return value;
  }

  async update(patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
    const repo = this.db.getRepository(WorkspaceSettingsEntity);
    const row = await repo.findOneByOrFail({ id: 1 });
    if (patch.ipAllowList !== undefined) row.ipAllowList = patch.ipAllowList;
    if (patch.fourEyesPublish !== undefined) row.fourEyesPublish = patch.fourEyesPublish;
    await repo.save(row);
    this.cached = null;
    return this.get();
  }

  /**
   * The session-token secret: FIREBREAK_JWT_SECRET, else one generated once and kept in the
   * database, so every api process and every restart accepts the same tokens.
   */
  jwtSecret(): Promise<string> {
    if (process.env.FIREBREAK_JWT_SECRET) return Promise.resolve(process.env.FIREBREAK_JWT_SECRET);
    this.secret ??= (async () => {
      await this.db.query(`UPDATE workspace_settings SET jwt_secret = $1 WHERE id = 1 AND jwt_secret IS NULL`, [
        randomBytes(48).toString('base64url'),
      ]);
      const [row] = (await this.db.query(`SELECT jwt_secret FROM workspace_settings WHERE id = 1`)) as Array<{ jwt_secret: string }>;
      return row.jwt_secret;
    })();
    this.secret.catch(() => (this.secret = null));
    return this.secret;
  }
}
