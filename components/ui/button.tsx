// Buttons and button-looking links in the product's few variants.
//   <Button variant="primary" type="submit">Submit application</Button>   <ButtonLink href="/x">New</ButtonLink>
import Link from 'next/link';
import type { ButtonHTMLAttributes, ComponentProps } from 'react';
import { cn } from './cn';

export type TButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<TButtonVariant, string> = {
  primary: 'bg-indigo-700 text-white shadow-sm hover:bg-indigo-800',
  secondary: 'border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50',
  danger: 'bg-red-700 text-white shadow-sm hover:bg-red-800',
  ghost: 'text-slate-700 hover:bg-slate-100',
};

export const buttonClass = (variant: TButtonVariant = 'primary', size: 'sm' | 'md' = 'md', className?: string) =>
  cn(
    'inline-flex items-center justify-center gap-1.5 rounded-md font-semibold disabled:cursor-not-allowed disabled:opacity-60',
    size === 'sm' ? 'px-2.5 py-1.5 text-xs' : 'px-4 py-2 text-sm',
    VARIANTS[variant],
    className,
  );

export function Button({
  variant = 'primary',
  size = 'md',
  className = '',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant; size?: 'sm' | 'md' }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}

export function ButtonLink({
  variant = 'primary',
  size = 'md',
  className = '',
  ...rest
}: ComponentProps<typeof Link> & { variant?: TButtonVariant; size?: 'sm' | 'md' }) {
  return <Link className={buttonClass(variant, size, className)} {...rest} />;
}
