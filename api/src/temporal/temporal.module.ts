import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { config, required } from '../config';

/**
 * The Temporal client, wired with a plain provider (the community Nest packages lag
 * behind). The connection is lazy so the api can answer /api/health while Temporal is down.
 */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  private connecting?: Promise<Client>;
  private connection?: Connection;

  client(): Promise<Client> {
    this.connecting ??= Connection.connect({ address: required('temporalAddress') })
      .then((connection) => {
        this.connection = connection;
        return new Client({ connection, namespace: config.temporalNamespace });
      })
      .catch((e) => {
        this.connecting = undefined;
        throw e;
      });
    return this.connecting;
  }

  async healthy(): Promise<boolean> {
    try {
      const client = await this.client();
      await client.workflowService.getSystemInfo({});
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown() {
    await this.connection?.close();
  }
}

@Global()
@Module({ providers: [TemporalService], exports: [TemporalService] })
export class TemporalModule {}

export const InjectTemporal = () => Inject(TemporalService);
