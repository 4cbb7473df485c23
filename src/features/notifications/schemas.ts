// Request shapes of the outbox API that the coordinators' pages share.
import { z } from "@hono/zod-openapi";
import { Email } from "../../lib/openapi";

export const RecipientCorrection = z.object({ email: Email }).openapi("RecipientCorrection");
