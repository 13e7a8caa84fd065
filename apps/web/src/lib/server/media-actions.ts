/**
 * The form actions behind AttachmentsEditor (upload, video link, caption, cover, move, remove), for any owner
 * page: the listing edit page, the organisation page, the expert's own profile. Failures come back
 * with form "media".
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { AddVideoLink, OwnerAttachments, RemoveAttachment, ReorderAttachments, SetAttachmentCover, UpdateAttachment } from '$lib/graphql/documents';
import type { AttachmentOwnerKind } from '$lib/graphql/types';
import { loginRedirect } from './guards';
import { failFromError, readForm } from './forms';
import { streamUpload } from './upload';

// Any owner page's event: its route's parameters (an [id] for most).
type Event = RequestEvent<Partial<Record<string, string>>>;

/**
 * `ownerId`: the owner of the page's attachments; by default the route's [id] parameter (the
 * expert's profile page has none: it looks the profile up).
 */
export function mediaActions(
  ownerKind: AttachmentOwnerKind,
  page: (params: Partial<Record<string, string>>) => string,
  ownerId: (event: Event) => string | Promise<string> = (event) => event.params.id ?? '',
) {
  const back = (event: Event, done: string): never => redirect(303, `${page(event.params)}?done=${done}#media-done`);
  return {
    upload: async (event: Event) => {
      if (!event.locals.user) loginRedirect(event.url);
      let result;
      try {
        result = await streamUpload(event.request, event.locals.api, { ownerKind, ownerId: await ownerId(event) });
      } catch (err) {
        return failFromError(err, {}, { fields: ['file', 'captionVi', 'captionEn', 'private'], form: 'media' });
      }
      if (!result.ok) return fail(400, { values: result.values, fields: result.fields, error: result.error ?? m.error_checkFields(), form: 'media' });
      return back(event, 'media-uploaded');
    },
    /** A YouTube or Vimeo page, by its link (the API reads a link pasted without https://). */
    videoLink: async (event: Event) => {
      if (!event.locals.user) loginRedirect(event.url);
      const form = await readForm(event.request);
      try {
        await event.locals.api.request(AddVideoLink, { input: { ownerKind, ownerId: await ownerId(event), url: form.str('videoUrl') } });
      } catch (err) {
        return failFromError(err, form.values(), { fields: ['videoUrl'], rename: { url: 'videoUrl' }, form: 'media' });
      }
      return back(event, 'media-video-linked');
    },
    caption: async (event: Event) => {
      const form = await readForm(event.request);
      try {
        await event.locals.api.request(UpdateAttachment, { id: form.str('attachmentId'), input: { captionVi: form.str('captionVi'), captionEn: form.str('captionEn') } });
      } catch (err) {
        return failFromError(err, form.values(), { fields: ['captionVi', 'captionEn'], form: 'media' });
      }
      return back(event, 'media-saved');
    },
    cover: async (event: Event) => {
      const form = await readForm(event.request);
      try {
        await event.locals.api.request(SetAttachmentCover, { id: form.str('attachmentId') });
      } catch (err) {
        return failFromError(err, {}, { fields: [], form: 'media' });
      }
      return back(event, 'media-saved');
    },
    move: async (event: Event) => {
      const form = await readForm(event.request);
      try {
        const owner = await ownerId(event);
        const { attachments } = await event.locals.api.request(OwnerAttachments, { ownerKind, ownerId: owner });
        const ids = attachments.map((a) => a.id);
        const from = ids.indexOf(form.str('attachmentId'));
        const to = from + (form.str('direction') === 'up' ? -1 : 1);
        if (from >= 0 && to >= 0 && to < ids.length) {
          [ids[from], ids[to]] = [ids[to], ids[from]];
          await event.locals.api.request(ReorderAttachments, { ownerKind, ownerId: owner, ids });
        }
      } catch (err) {
        return failFromError(err, {}, { fields: [], form: 'media' });
      }
      return back(event, 'media-saved');
    },
    remove: async (event: Event) => {
      const form = await readForm(event.request);
      // Only from the confirmation (AttachmentsEditor's ?confirm=remove): anything else is asked first.
      if (form.str('confirm') !== 'remove') {
        const id = form.str('attachmentId');
        redirect(303, `${page(event.params)}?confirm=remove&id=${encodeURIComponent(id)}#media-${encodeURIComponent(id)}`);
      }
      try {
        await event.locals.api.request(RemoveAttachment, { id: form.str('attachmentId') });
      } catch (err) {
        return failFromError(err, {}, { fields: [], form: 'media' });
      }
      return back(event, 'media-removed');
    },
  };
}
