// Writing or editing an article: title and category, and the Markdown beside its live preview
// (the same sanitised renderer the reader sees, so what is previewed is what is published).
// The server checks everything; what it refuses shows next to the field it is about.
import { useState } from 'preact/hooks';
import { KB_TITLE_MAX_CHARS, type KbArticleView } from '../../../../protocol/api/knowledge.js';
import { ApiRequestError } from '../../../../protocol/errors.js';
import { API, call } from '../../api.js';
import { t } from '../../i18n/index.js';
import { kbErrorsOf, kbFormOf, kbRequestOf, type KbForm, type KbFormErrors } from '../../state/kb-form.js';
import { useDebounced } from '../../state/debounced.js';
import { navigate } from '../../state/router.js';
import { Field, FieldError } from '../schedules/field.js';
import { describeError } from '../states.js';
import { MarkdownView } from './markdown-view.js';

/** Long enough that a fast typist's keystrokes do not each render the whole article. */
const PREVIEW_PAUSE_MS = 120;

export function ArticleForm(props: { article: KbArticleView | null }) {
  const [form, setForm] = useState<KbForm>(() => kbFormOf(props.article));
  const [errors, setErrors] = useState<KbFormErrors>({});
  const [saving, setSaving] = useState(false);
  const preview = useDebounced(form.body, PREVIEW_PAUSE_MS);
  const change = (patch: Partial<KbForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setErrors({});
  };
  const back = props.article ? `/kb/${props.article.id}` : '/kb';

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    try {
      const body = kbRequestOf(form);
      const saved = props.article
        ? await call(API.knowledge.update, { params: { id: props.article.id }, body })
        : await call(API.knowledge.create, { body });
      navigate(`/kb/${saved.id}`, { replace: true });
    } catch (failure) {
      setErrors(failure instanceof ApiRequestError ? kbErrorsOf(failure.message) : { form: describeError(failure) });
      setSaving(false);
    }
  };

  return (
    <form class="kb-form" onSubmit={(event) => void submit(event)} noValidate>
      <div class="kb-form-fields">
        <Field id="kb-title" label={t('kb.formTitle')} hint={t('kb.formTitleHint')} error={errors.title}>
          <input
            id="kb-title"
            class="input"
            required
            maxLength={KB_TITLE_MAX_CHARS}
            value={form.title}
            onInput={(event) => change({ title: event.currentTarget.value })}
          />
        </Field>
        <Field id="kb-category" label={t('kb.formCategory')} hint={t('kb.formCategoryHint')} error={errors.category}>
          <input
            id="kb-category"
            class="input"
            required
            maxLength={64}
            autoComplete="off"
            spellcheck={false}
            value={form.category}
            onInput={(event) => change({ category: event.currentTarget.value })}
          />
        </Field>
      </div>
      <div class="kb-editor">
        <Field id="kb-body" label={t('kb.formBody')} hint={t('kb.formBodyHint')} error={errors.body}>
          <textarea
            id="kb-body"
            class="kb-source"
            required
            rows={22}
            spellcheck
            value={form.body}
            onInput={(event) => change({ body: event.currentTarget.value })}
          />
        </Field>
        <section class="kb-preview" aria-labelledby="kb-preview-heading">
          <h2 id="kb-preview-heading" class="field-label">
            {t('kb.preview')}
          </h2>
          {preview.trim() ? (
            <MarkdownView source={preview} id="kb-preview-body" />
          ) : (
            <p class="muted">{t('kb.previewEmpty')}</p>
          )}
        </section>
      </div>
      <FieldError id="kb-form-error" message={errors.form} />
      <div class="kb-form-actions">
        <button type="button" class="button button-quiet" onClick={() => navigate(back)}>
          {t('kb.cancel')}
        </button>
        <button type="submit" class="button button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t('kb.saving') : t('kb.save')}
        </button>
      </div>
    </form>
  );
}
