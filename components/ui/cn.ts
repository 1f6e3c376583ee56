// Class names for the ui primitives: clsx joins (and drops falsy parts), tailwind-merge lets a later
// class override an earlier one, so <Button className="px-6"> replaces the primitive's px-4.
import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

export const cn = (...parts: ClassValue[]) => twMerge(clsx(parts));
