import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TemplateEntity } from '../database/entities';

@Injectable()
export class TemplatesService {
  constructor(@InjectRepository(TemplateEntity) private readonly repo: Repository<TemplateEntity>) {}

  /** All template sources by name: what publish-time validation and rendering need. */
  async sources(): Promise<Record<string, string>> {
    const rows = await this.repo.find();
    return Object.fromEntries(rows.map((t) => [t.name, t.source]));
  }

  async list() {
    return this.repo.find({ order: { name: 'ASC' } });
  }
}
