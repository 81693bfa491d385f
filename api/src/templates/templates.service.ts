import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { renderTemplate, TemplateContext } from '@firebreak/engine';
import { TemplateEntity } from '../database/entities';
import { interactionTemplateContext } from './interaction-context';
import { sampleContext, templateVariables, VARIABLES } from './sample-context';
import { checkTemplate, hasTemplateErrors, TemplateProblem } from './template-check';
import { templateReferences } from './template-references';
import { CreateTemplate, PreviewRequest, UpdateTemplate } from './template.schema';

@Injectable()
export class TemplatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(TemplateEntity);
  }

  /** All template sources by name: what publish-time validation and rendering need. */
  async sources(): Promise<Record<string, string>> {
    const rows = await this.repo.find();
    return Object.fromEntries(rows.map((t) => [t.name, t.source]));
  }

  async list() {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  /** One template, with where playbooks use it and what the check warns about. */
  async get(name: string) {
    const t = await this.find(this.db.manager, name);
    return { ...t, warnings: checkTemplate(t.source, VARIABLES), usedBy: await templateReferences(this.db.manager, name) };
  }

  async create(input: CreateTemplate) {
    const warnings = compiled(input.source);
    return this.db.transaction(async (tx) => {
      // The advisory lock makes two creates of one name queue up, so the second gets a clean 409.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('template:' || $1, 0))`, [input.name]);
      if (await tx.getRepository(TemplateEntity).existsBy({ name: input.name }))
        throw new ConflictException(`a template named "${input.name}" exists already`);
      const saved = await tx.getRepository(TemplateEntity).save(tx.getRepository(TemplateEntity).create(input));
      return { ...saved, warnings };
    });
  }

  async update(name: string, input: UpdateTemplate) {
    const warnings = compiled(input.source);
    const newName = input.name ?? name;
    return this.db.transaction(async (tx) => {
      const t = await this.find(tx, name, true);
      if (newName !== name) {
        await this.refuseWhileUsed(tx, name, `rename template "${name}"`);
        if (await tx.getRepository(TemplateEntity).existsBy({ name: newName }))
          throw new ConflictException(`a template named "${newName}" exists already`);
      }
      const saved = await tx.getRepository(TemplateEntity).save({ ...t, name: newName, source: input.source });
      return { ...saved, warnings };
    });
  }

  async remove(name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const t = await this.find(tx, name, true);
      await this.refuseWhileUsed(tx, name, `delete template "${name}"`);
      await tx.getRepository(TemplateEntity).delete({ id: t.id });
    });
  }

  sampleContext() {
    const context = sampleContext();
    return { context, variables: templateVariables(context) };
  }

  /** Render a source (or a stored template) against the sample, a caller's context laid over it, or a real interaction's. */
  async preview(req: PreviewRequest) {
    const source = req.source ?? (await this.find(this.db.manager, req.name!)).source;
    const problems = checkTemplate(source, VARIABLES);
    if (hasTemplateErrors(problems)) throw invalid(problems, req.name ? 'the template does not compile' : 'the source does not compile');
    const context = req.interactionId
      ? await interactionTemplateContext(this.db, req.interactionId)
      : (overlay(sampleContext(), req.context ?? {}) as TemplateContext);
    try {
      return { text: renderTemplate(source, context), context, warnings: problems };
    } catch (e) {
      throw invalid([{ severity: 'error', message: (e as Error).message, line: 1, column: 1 }], 'the template failed to render');
    }
  }

  private async find(tx: EntityManager, name: string, lock = false): Promise<TemplateEntity> {
    const t = await tx.getRepository(TemplateEntity).findOne({ where: { name }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
    if (!t) throw new NotFoundException(`no template named "${name}"`);
    return t;
  }

  private async refuseWhileUsed(tx: EntityManager, name: string, what: string) {
    const usedBy = await templateReferences(tx, name);
    if (!usedBy.length) return;
    const playbooks = [...new Set(usedBy.map((u) => u.playbook))];
    throw new ConflictException({
      message: `cannot ${what}: playbook${playbooks.length > 1 ? 's' : ''} ${playbooks.map((p) => `"${p}"`).join(', ')} use${playbooks.length > 1 ? '' : 's'} it`,
      usedBy,
    });
  }
}

/** The warnings of a source that compiles; a 422 with every problem's place when it does not. */
function compiled(source: string): TemplateProblem[] {
  const problems = checkTemplate(source, VARIABLES);
  if (hasTemplateErrors(problems)) throw invalid(problems, 'the template does not compile');
  return problems;
}

function invalid(problems: TemplateProblem[], message: string) {
  return new UnprocessableEntityException({ message, problems: problems.map((p) => ({ path: 'source', ...p })) });
}

/** Objects merge key by key; anything else given replaces the sample's value (null clears it). */
function overlay(base: unknown, top: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(base) || !isObject(top)) return top === undefined ? base : top;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(top)) if (k !== '__proto__' && k !== 'constructor' && k !== 'prototype') out[k] = overlay(base[k], v);
  return out;
}
