// Uploads from the browser through the API, as any client app does (README, "Upload API"): POST /uploads, then either
// one PUT to the presigned URL, or — above the API's multipart threshold — the file's parts PUT to their presigned part
// URLs a few at a time, each part retried with a freshly signed URL, and POST …/complete with the ETags S3 answered.
// Part URLs are fetched a page at a time as the upload gets to them, so none expires waiting. A multipart upload that
// fails for good is aborted (DELETE /uploads/{id}), so its parts do not wait in the bucket for the lifecycle rule.
import { call } from './api.js';

/** Parts in flight at once: enough to fill a link, few enough that one file does not starve the page. */
const PARALLEL_PARTS = 4;
/** Tries of one part before the upload is given up (each retry with a freshly signed URL: the old one may have expired). */
const PART_TRIES = 3;

/** Uploads `file`; `onProgress(share)` sees the share of its bytes sent (0…1). Resolves to the POST /uploads answer. */
export async function upload(file, onProgress) {
  const plan = await call('POST', '/uploads', {
    fileName: file.name, contentType: file.type || 'application/octet-stream', sizeBytes: file.size,
  });
  if (plan.upload) {
    await put(plan.upload, file, (sent) => onProgress?.(sent / Math.max(file.size, 1)));
  } else {
    await uploadInParts(plan.multipart, file, onProgress);
  }
  return plan;
}

async function uploadInParts(multipart, file, onProgress) {
  const sentOfPart = new Map();
  let sentInAll = 0;
  const progress = (partNumber, sent) => {
    sentInAll += sent - (sentOfPart.get(partNumber) || 0);
    sentOfPart.set(partNumber, sent);
    onProgress?.(sentInAll / multipart.sizeBytes);
  };
  const receipts = [];
  try {
    for (let page = multipart; page; page = page.next ? await call('GET', page.next) : null) {
      const waiting = [...page.parts];
      const sender = async () => {
        for (let part = waiting.shift(); part; part = waiting.shift()) {
          const etag = await sendPart(multipart, part, file, (sent) => progress(part.partNumber, sent));
          receipts.push({ partNumber: part.partNumber, etag });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, waiting.length) }, sender));
    }
    receipts.sort((a, b) => a.partNumber - b.partNumber);
    await call('POST', multipart.complete, { parts: receipts });
  } catch (e) {
    await call('DELETE', `/uploads/${multipart.uploadId}`).catch(() => {});
    throw new Error(`${e.message}; the upload was aborted, nothing was kept`);
  }
}

/** One part's bytes (`partSize` each but the last, as the plan says), with up to PART_TRIES tries; resolves to its ETag. */
async function sendPart(multipart, part, file, onSent) {
  const start = (part.partNumber - 1) * multipart.partSize;
  const bytes = file.slice(start, start + part.sizeBytes);
  let signed = part;
  for (let attempt = 1; ; attempt++) {
    try {
      const etag = await put(signed, bytes, onSent);
      // a part's ETag is read through CORS: the bucket's rule must expose it (both hosts' rules do)
      if (!etag) throw new Error("storage did not expose the part's ETag (the bucket's CORS rule)");
      return etag;
    } catch (e) {
      onSent(0);
      if (attempt >= PART_TRIES) throw new Error(`part ${part.partNumber} of ${multipart.partCount} failed ${attempt} times: ${e.message}`);
      const fresh = await call('GET', `/uploads/${multipart.uploadId}/parts?from=${part.partNumber}&count=1`);
      signed = fresh.parts[0];
    }
  }
}

/** A PUT to a presigned URL with exactly the headers it was signed with; resolves to the ETag S3 answered. */
function put(signed, body, onSent) {
  const headers = { ...signed.headers };
  delete headers['Content-Length']; // the browser sets it from the body and refuses to have it set
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(signed.method, signed.url);
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => e.lengthComputable && onSent(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 300) return reject(new Error(`storage refused it: HTTP ${xhr.status}`));
      onSent(body.size);
      resolve(xhr.getResponseHeader('ETag'));
    };
    xhr.onerror = () => reject(new Error('the upload could not reach storage (is the bucket CORS rule missing this origin?)'));
    xhr.send(body);
  });
}
