'use client';
// The second step before an irreversible action: a button that opens a modal confirmation (native
// <dialog>, so focus is trapped, Escape cancels and focus returns to the button) naming what will
// happen; its confirm button submits the surrounding form.
//   <form action={revoke}><ConfirmSubmit label="Revoke" title="Revoke key “ERP”?" body="…" confirmLabel="Revoke key" /></form>
import { useId, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Button, type TButtonVariant } from './button';

type TConfirmSubmitProps = {
  /** the button that opens the confirmation */
  label: ReactNode;
  variant?: TButtonVariant;
  size?: 'sm' | 'md';
  disabled?: boolean;
  title: string;
  /** what will happen; a function reads the form when the dialog opens (e.g. how many cases are selected) */
  body: ReactNode | ((form: HTMLFormElement) => ReactNode);
  confirmLabel: string;
  /** send the form without asking (e.g. a required field is empty: the server's error is the answer) */
  skip?: (form: HTMLFormElement) => boolean;
  /** the form to submit when the button is not inside it (the `form` attribute) */
  form?: string;
};

export function ConfirmSubmit({ label, variant = 'primary', size = 'md', disabled, title, body, confirmLabel, skip, form }: TConfirmSubmitProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [content, setContent] = useState<ReactNode>(null);
  const id = useId();

  const open = (event: MouseEvent<HTMLButtonElement>) => {
    const target = event.currentTarget.form;
    if (!target) return;
    if (!target.checkValidity()) {
      target.reportValidity();
      return;
    }
    if (skip?.(target)) {
      target.requestSubmit();
      return;
    }
    setContent(typeof body === 'function' ? body(target) : body);
    dialog.current?.showModal();
  };

  return (
    <>
      <Button type="button" variant={variant} size={size} disabled={disabled} onClick={open} form={form} aria-haspopup="dialog">
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-3 p-5">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="space-y-2 text-sm text-slate-700">
            {content}
          </div>
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </Button>
            <Button type="submit" variant={variant === 'danger' ? 'danger' : 'primary'} form={form} onClick={() => dialog.current?.close()}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
