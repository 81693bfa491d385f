import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceSettingsEntity } from '../workspace/settings.entity';
import type { Role } from './roles';

/** An integration's credential: a random secret shown once; only its SHA-256 is kept. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ type: 'text', name: 'token_hash', select: false }) tokenHash: string;
  /** The first characters of the token, to tell tokens apart in lists. */
  @Column({ type: 'text' }) prefix: string;
  @Column({ type: 'text', name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true }) expiresAt: Date | null;
  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

export const authEntities = [ApiTokenEntity, WorkspaceSettingsEntity];
