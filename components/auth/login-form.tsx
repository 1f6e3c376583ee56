'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

type TFieldErrors = { email?: string; password?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What must be typed before anything is sent (the server checks again; this saves an empty post). */
function check(email: string, password: string): TFieldErrors {
  const errors: TFieldErrors = {};
  if (!email) errors.email = 'Enter your email address.';
  else if (!EMAIL.test(email)) errors.email = 'Enter an email address like name@example.com.';
  if (!password) errors.password = 'Enter your password.';
  return errors;
}

const inputClass = (invalid: boolean) =>
  `mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-indigo-500 ${invalid ? 'border-red-600' : 'border-slate-300'}`;

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const errors = check(email, password);
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      setError(null);
      (formElement.elements.namedItem(errors.email ? 'email' : 'password') as HTMLInputElement | null)?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Email or password is incorrect.');
      return;
    }
    // Full navigation so server components see the new session cookie.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Sign in">
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          aria-required="true"
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby="email-error"
          className={inputClass(!!fieldErrors.email)}
        />
        <p id="email-error" aria-live="polite" className="text-sm text-red-700">
          {fieldErrors.email ? <span className="mt-1 block">{fieldErrors.email}</span> : null}
        </p>
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-required="true"
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby="password-error"
          className={inputClass(!!fieldErrors.password)}
        />
        <p id="password-error" aria-live="polite" className="text-sm text-red-700">
          {fieldErrors.password ? <span className="mt-1 block">{fieldErrors.password}</span> : null}
        </p>
      </div>
      <p id="login-error" role="status" aria-live="polite" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
