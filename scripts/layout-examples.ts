/**
 * Lays the example playbooks out the way the editor's Auto-layout does (ELK, left to right,
 * outcome handles in card order), so they open tidy: `npx tsx scripts/layout-examples.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { catalog, nodeConfigs, type NodeKind, type NodeKindSpec, type Playbook } from '../engine/src';
import { layoutPlaybook, type NodeBox } from '../editor/src/playbooks/graph/layout';

const dir = join(__dirname, '..', 'playbooks');

async function main() {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const path = join(dir, file);
    const pb = JSON.parse(readFileSync(path, 'utf8')) as Playbook;
    const boxes = new Map<string, NodeBox>(
      pb.nodes.map((n) => {
        const spec = catalog[n.kind as NodeKind] as unknown as NodeKindSpec;
        const outcomes = spec.outcomes(nodeConfigs[n.kind as NodeKind].parse(n.config ?? {}) as never);
        // The card's size as the canvas draws it: a header and summary, then a row per outcome.
        return [n.id, { width: 240, height: 76 + 22 * outcomes.length, outcomes: outcomes.map((name) => ({ name })) }];
      }),
    );
    const at = await layoutPlaybook(pb, boxes);
    for (const n of pb.nodes) n.position = { x: Math.round(at.get(n.id)!.x), y: Math.round(at.get(n.id)!.y) };
    writeFileSync(path, JSON.stringify(pb, null, 2) + '\n');
    console.log(`${file}: ${pb.nodes.length} nodes laid out`);
  }
}

void main();
