'use client';
// The exporter's answer to an officer's question. Sent without a form reset, so an error keeps the text.
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { answerQuestionAction, type TAnswerState } from '@/app/(exporter)/applications/actions';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';

export function AnswerForm({ applicationId }: { applicationId: string }) {
  const [state, setState] = useState<TAnswerState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      let result: TAnswerState;
      try {
        result = await answerQuestionAction(formData);
      } catch (err) {
        if (err && typeof err === 'object' && 'digest' in err && /^NEXT_/.test(String((err as { digest: unknown }).digest))) throw err;
        result = { status: 'error', message: 'Something went wrong and your answer was not sent. Please try again.', fieldErrors: {} };
      }
      if (!result) return;
      if (result.status === 'sent') formRef.current?.reset();
      setState(result);
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="id" value={applicationId} />
      <Textarea name="body" id="answer-body" label="Your answer" rows={4} maxLength={5000}
        errors={state.status === 'error' ? (state.fieldErrors.body ?? [state.message]) : undefined} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? 'Sending…' : 'Send answer'}</Button>
        <p role="status" className="text-sm text-emerald-800">{state.status === 'sent' ? 'Answer sent. Now edit the application if needed and resubmit it.' : ''}</p>
      </div>
    </form>
  );
}
