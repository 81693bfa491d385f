import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The workspace's one row of settings (id is always 1). */
@Entity('workspace_settings')
export class WorkspaceSettingsEntity {
  @PrimaryColumn({ type: 'int' }) id: number;
  /** CIDRs or single addresses allowed to sign in and call the api; empty means anywhere. */
  @Column({ type: 'text', array: true, name: 'ip_allow_list', default: () => `'{}'` }) ipAllowList: string[];
  /** When on, a manager's publish waits for a second manager's approval. */
  @Column({ type: 'boolean', name: 'four_eyes_publish', default: false }) fourEyesPublish: boolean;
  /** The HMAC secret of session tokens, generated on first start unless FIREBREAK_JWT_SECRET is set. */
  @Column({ type: 'text', name: 'jwt_secret', nullable: true, select: false }) jwtSecret: string | null;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
