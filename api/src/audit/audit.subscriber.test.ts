import type { InsertEvent, ObjectLiteral, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { PlaybookEntity } from '../database/entities';
import type { EntityChange } from './audit.entity';
import { AuditSubscriber } from './audit.subscriber';

const metadata = { target: PlaybookEntity, tableName: 'playbooks', columns: [{ propertyName: 'id' }, { propertyName: 'name' }] };
const runner = (active: boolean, depth: number) => ({ isTransactionActive: active, transactionDepth: depth }) as unknown as QueryRunner;
const insert = (queryRunner: QueryRunner, id: string) =>
  ({ queryRunner, metadata, entity: { id, name: id } }) as unknown as InsertEvent<ObjectLiteral>;
const setup = () => {
  const logged: EntityChange[] = [];
  return { logged, sub: new AuditSubscriber((c) => logged.push(c)) };
};

test('a change outside a transaction is logged at once', () => {
  const { logged, sub } = setup();
  sub.afterInsert(insert(runner(false, 0), 'a'));
  expect(logged).toEqual([{ entity: 'playbooks', id: 'a', op: 'insert', before: null, after: { id: 'a', name: 'a' } }]);
});

test('a change in a transaction waits for the commit, and a rollback drops it', () => {
  const { logged, sub } = setup();
  const r = runner(true, 1) as QueryRunner & { isTransactionActive: boolean; transactionDepth: number };
  sub.afterInsert(insert(r, 'kept'));
  r.transactionDepth = 2; // a savepoint
  sub.afterInsert(insert(r, 'undone'));
  r.transactionDepth = 1;
  sub.afterTransactionRollback({ queryRunner: r } as TransactionRollbackEvent);
  expect(logged).toEqual([]);
  r.isTransactionActive = false;
  r.transactionDepth = 0;
  sub.afterTransactionCommit({ queryRunner: r } as TransactionCommitEvent);
  expect(logged.map((c) => c.id)).toEqual(['kept']);

  const r2 = runner(true, 1) as QueryRunner & { isTransactionActive: boolean };
  sub.afterInsert(insert(r2, 'rolled-back'));
  r2.isTransactionActive = false;
  sub.afterTransactionRollback({ queryRunner: r2 } as TransactionRollbackEvent);
  sub.afterTransactionCommit({ queryRunner: r2 } as TransactionCommitEvent);
  expect(logged.map((c) => c.id)).toEqual(['kept']);
});
