import { checkAdvanced } from "../advanced/check-advanced";
import type { ValidatedRow } from "../batch/batch-row";
import { type CheckedRows, checkRows } from "../batch/check-rows";
import { checkSuffixedReferences } from "../batch/check-suffixed-references";
import type { Check } from "../internal/issue-sink";
import { readField } from "../internal/read-field";
import { type BatchShape, checkLink } from "../link/check-link";
import { checkCustomVariables } from "../message/custom-variables";
import { defaultMessage } from "../message/default-messages";
import { checkMessageTemplate } from "../message/validate-message-template";
import type { RequestContext, ValidatedRequest } from "./payment-order-request";

const NO_ROWS: BatchShape = { recipients: [], unreferenced: 0, suffixCount: 1, fallback: undefined };

/**
 * Applies the rules of the three steps to a request and reports every issue, at paths under `link`, `rows`,
 * `advanced`, `message` and `variables`. Internal.
 */
export const checkRequest: Check<RequestContext, ValidatedRequest> = (request, context, sink) => {
  const { shop, actor, now } = context;
  if (request === null || typeof request !== "object") {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const rawLink = readField(request, "link");
  const rawRows = readField(request, "rows");
  const variablesSink = sink.at("variables").fork();
  const variables = checkCustomVariables(readField(request, "variables"), undefined, variablesSink);

  // The rows give step 1 its recipients and reference count, but their issues come after step 1's.
  const rowsSink = sink.at("rows").fork();
  let batch: CheckedRows | undefined;
  if (rawRows !== undefined) {
    batch = checkRows(
      rawRows,
      {
        shop,
        amount: readField(rawLink, "amount"),
        currency: readField(rawLink, "currency"),
        buyerReference: readField(rawLink, "buyerReference"),
        variables: variables ?? {},
      },
      rowsSink,
    );
  }
  // Rows that are not a list still make the request a batch: step 1 is then checked without recipients.
  const shape = batch?.shape ?? (rawRows === undefined ? undefined : NO_ROWS);
  const link = checkLink(rawLink, { shop, actor, amount: "either", batch: shape }, sink.at("link"));
  if (batch !== undefined) checkSuffixedReferences(batch, link?.orderReference, rowsSink);
  sink.absorb(rowsSink);
  const advanced = checkAdvanced(readField(request, "advanced"), { shop, now }, sink.at("advanced"));
  const rawMessage = readField(request, "message");
  const names = new Set([...Object.keys(variables ?? {}), ...(batch?.variableNames ?? [])]);
  const message =
    rawMessage === undefined || rawMessage === null
      ? defaultMessage(advanced?.language ?? shop.language)
      : checkMessageTemplate(rawMessage, names.size > 0 ? names : undefined, sink.at("message"));
  sink.absorb(variablesSink);
  if (link === undefined || advanced === undefined || message === undefined || variables === undefined) {
    return undefined;
  }
  const rows: readonly ValidatedRow[] | undefined = batch?.rows;
  return {
    shop,
    link,
    advanced,
    message,
    createdAt: now,
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    ...(rows ? { rows } : {}),
  };
};
