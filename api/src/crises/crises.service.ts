import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CrisisEntity } from '../database/entities';

/** Crises declared by people (or detected, or by a playbook) and stood down by people. */
@Injectable()
export class CrisesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(status?: 'active' | 'stood_down') {
    return this.db.getRepository(CrisisEntity).find({ where: status ? { status } : {}, order: { declaredAt: 'DESC' } });
  }

  async declare(topic: string, by: string): Promise<CrisisEntity> {
    const repo = this.db.getRepository(CrisisEntity);
    const inserted = await this.db
      .createQueryBuilder()
      .insert()
      .into(CrisisEntity)
      .values({ topic, status: 'active', declaredBy: by })
      .orIgnore()
      .returning('id')
      .execute();
    const rows = inserted.raw as Array<{ id: string }>;
    if (!rows.length) throw new ConflictException(`a crisis on "${topic}" is already active`);
    return repo.findOneByOrFail({ id: rows[0].id });
  }

  async standDown(id: string, by: string): Promise<CrisisEntity> {
    const repo = this.db.getRepository(CrisisEntity);
    const crisis = await repo.findOneBy({ id });
    if (!crisis) throw new NotFoundException(`no crisis with id "${id}"`);
    const updated = await repo.update({ id, status: 'active' }, { status: 'stood_down', stoodDownAt: new Date(), stoodDownBy: by });
    if (!updated.affected) throw new ConflictException(`the crisis on "${crisis.topic}" was already stood down`);
    return repo.findOneByOrFail({ id });
  }
}
