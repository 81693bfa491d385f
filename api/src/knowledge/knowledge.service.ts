import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { ArticleInput } from './article.schema';
import { KnowledgeArticleEntity } from './knowledge.entity';
import { rankArticles } from './knowledge.ranking';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class KnowledgeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(KnowledgeArticleEntity);
  }

  list() {
    return this.repo.find({ order: { title: 'ASC' } });
  }

  async get(id: string) {
    const row = await this.repo.findOneBy({ id });
    if (!row) throw new NotFoundException(`no knowledge-base article with id "${id}"`);
    return row;
  }

  async create(input: ArticleInput) {
    return this.saving(input.key, () => this.repo.save(this.repo.create({ ...input, key: input.key ?? null })));
  }

  /** PUT replaces the article; a key given before stays unless a new one is sent. */
  async update(id: string, input: ArticleInput) {
    const row = await this.get(id);
    return this.saving(input.key, () => this.repo.save(this.repo.merge(row, { ...input, key: input.key ?? row.key })));
  }

  async remove(id: string) {
    const result = await this.repo.delete({ id });
    if (!result.affected) throw new NotFoundException(`no knowledge-base article with id "${id}"`);
  }

  /** The api's search (its query already checked) and the inbox's suggestions share this. */
  async search(q: string, limit: number, lang?: string) {
    const text = q.trim();
    if (!text) throw new BadRequestException('the search needs words: ?q=…');
    const results = await rankArticles(this.db, text, limit, { lang });
    return { q: text, lang: lang ?? null, results: results.map(({ body: _body, ...r }) => r) };
  }

  private async saving<T>(key: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === UNIQUE_VIOLATION)
        throw new ConflictException(`an article with key "${key}" exists already`);
      throw e;
    }
  }
}
