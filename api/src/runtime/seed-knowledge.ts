import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { config } from '../config';
import { parseArticleFile } from '../knowledge/article-file';
import { articleInputSchema } from '../knowledge/article.schema';
import { KnowledgeArticleEntity } from '../knowledge/knowledge.entity';

/**
 * First-start knowledge base: `templates/kb/<key>.md`, one article each. An article whose
 * key exists is left alone, so edits made in the app survive restarts; a broken file stops
 * the start with the file's name, as an invalid example playbook does.
 */
export async function seedKnowledge(db: DataSource, dir = join(config.templatesDir, 'kb')): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const repo = db.getRepository(KnowledgeArticleEntity);
  const added: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const key = file.replace(/\.md$/, '');
    if (await repo.existsBy({ key })) continue;
    const parsed = articleInputSchema.safeParse(parseArticleFile(key, readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(
        `knowledge-base article ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    await repo.save(repo.create({ ...parsed.data, key }));
    added.push(key);
  }
  return added;
}
