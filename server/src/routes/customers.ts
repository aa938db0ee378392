import type { AppEnv } from '../auth/session.ts'
import type { AppDeps } from '../deps.ts'
import { corporateDeltaSchema, customerParamSchema, personalAssignSchema, personalTagParamSchema } from '@app/shared'
import { Hono } from 'hono'
import { zValidator } from '../lib/validator.ts'
import { applyCorporateDelta, customerTagsJson } from '../services/customer-tags.ts'
import { assignPersonalTag, unassignPersonalTag } from '../services/personal-tags.ts'

const JSON_TYPE = { 'Content-Type': 'application/json; charset=UTF-8' }
/** A Buffer from Buffer.concat owns a plain ArrayBuffer; Hono's types only ask to be told. */
const asBody = (bytes: Buffer) => bytes as Uint8Array<ArrayBuffer>

export function customerRoutes(deps: AppDeps) {
  const { db, hooks } = deps
  return new Hono<AppEnv>()
    .get('/customers/:externalUserId/tags', zValidator('param', customerParamSchema), (c) => {
      const { externalUserId } = c.req.valid('param')
      // Sent as bytes: the response is mostly cached, pre-encoded JSON (services/customer-tags-json.ts).
      return c.body(asBody(customerTagsJson(db, c.get('viewer'), externalUserId, hooks)), 200, JSON_TYPE)
    })
    .post('/customers/:externalUserId/corporate-tags', zValidator('param', customerParamSchema), zValidator('json', corporateDeltaSchema), (c) => {
      const { externalUserId } = c.req.valid('param')
      const delta = c.req.valid('json')
      return c.body(asBody(applyCorporateDelta(db, c.get('viewer'), externalUserId, delta, hooks)), 200, JSON_TYPE)
    })
    .put('/customers/:externalUserId/personal-tags/:tagId', zValidator('param', personalTagParamSchema), zValidator('json', personalAssignSchema), (c) => {
      const { externalUserId, tagId } = c.req.valid('param')
      const { note } = c.req.valid('json')
      const result = assignPersonalTag(db, c.get('viewer'), externalUserId, tagId, note)
      return c.json(result.assignment, result.created ? 201 : 200)
    })
    .delete('/customers/:externalUserId/personal-tags/:tagId', zValidator('param', personalTagParamSchema), (c) => {
      const { externalUserId, tagId } = c.req.valid('param')
      return c.json(unassignPersonalTag(db, c.get('viewer'), externalUserId, tagId), 200)
    })
}
