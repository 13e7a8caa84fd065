import { Global, Module } from '@nestjs/common';
import { ReferenceResolver } from './reference.resolver.js';
import { ReferenceService } from './reference.service.js';

@Global()
@Module({ providers: [ReferenceService, ReferenceResolver], exports: [ReferenceService] })
export class ReferenceModule {}
