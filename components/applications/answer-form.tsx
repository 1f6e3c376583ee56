'use client';
// The exporter's answer to an officer's question. Sent without a form reset, so an error keeps the text.
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { unstable_rethrow } from 'next/navigation';
import { answerQuestionAction } from '@/app/(exporter)/applications/actions';
import { IDLE, type TActionState } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/field';

export function AnswerForm({ applicationId }: { applicationId: string }) {
  const [state, setState] = useState<TActionState>(IDLE);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      let result: TActionState;
      try {
        result = await answerQuestionAction(state, formData);
      } catch (err) {
        unstable_rethrow(err); // notFound() and friends go on to Next
        result = { status: 'error', message: 'Something went wrong and your answer was not sent. Please try again.', fieldErrors: {}, values: {} };
      }
      if (!result) return;
      if (result.status === 'success') formRef.current?.reset();
      setState(result);
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="id" value={applicationId} />
      <Textarea
        name="body"
        id="answer-body"
        label="Your answer"
        rows={4}
        maxLength={5000}
        errors={state.status === 'error' ? (state.fieldErrors.body ?? (state.message ? [state.message] : undefined)) : undefined}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send answer'}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {state.status === 'success' ? 'Answer sent. Now edit the application if needed and resubmit it.' : ''}
        </p>
      </div>
    </form>
  );
}
