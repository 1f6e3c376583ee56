// The service-level clock stops while an information request waits for the exporter. Days pass by
// moving the server's "today" for the clock (the clearance-test-now cookie, honoured only when the
// e2e server sets CLEARANCE_TEST_CLOCK=1), not by waiting.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedCase } from './support/seed';
import { DEFAULT_HOLIDAYS, DEFAULT_SLA_TARGETS } from '@/lib/sla/defaults';
import { workingDaysBetween } from '@/lib/sla/working-days';

const DAY = 86_400_000;
const COOKIE = 'clearance-test-now';

async function setToday(page: Page, at: Date) {
  const url = new URL(page.url() === 'about:blank' ? 'http://127.0.0.1' : page.url());
  await page.context().addCookies([{ name: COOKIE, value: at.toISOString(), domain: url.hostname, path: '/' }]);
}

test('the clock runs from submission, stands still while information is requested, and runs again after the resubmission', async ({ page, signIn }) => {
  const c = seedCase({ eccn: 'EAR99', country: 'DE', productName: `SLA door controller ${Date.now()}` });
  expect(c.outcome).toBe('CLEAR');
  const target = DEFAULT_SLA_TARGETS.CLEAR;
  const submitted = new Date();
  const later = new Date(submitted.getTime() + 21 * DAY); // three weeks on
  const elapsed = workingDaysBetween(submitted, later, { holidays: DEFAULT_HOLIDAYS });
  expect(elapsed).toBeGreaterThan(target); // three weeks is always past a one-week target

  await signIn('officer');
  await page.goto(`/cases/${c.id}`);
  const panel = page.getByTestId('sla-panel');
  await expect(panel.getByTestId('sla-used')).toHaveText(`0 working days of ${target}`);

  // Three weeks later with nothing done: overdue.
  await setToday(page, later);
  await page.reload();
  await expect(panel.getByTestId('sla-used')).toHaveText(`${elapsed} working days of ${target}`);
  await expect(panel.getByTestId('sla-state')).toContainText(`Overdue by ${elapsed - target} working day${elapsed - target === 1 ? '' : 's'}.`);

  // Back to today: the officer asks the exporter a question.
  await page.context().clearCookies({ name: COOKIE });
  await page.reload();
  await page.getByRole('tab', { name: 'Request information' }).click();
  const ask = page.getByRole('form', { name: 'Request information' });
  await ask.getByLabel('Message to the exporter').fill('Which building are the controllers for?');
  await ask.getByRole('button', { name: 'Request information' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Information requested');

  // Three weeks later, still waiting on the answer: the clock has not moved.
  await setToday(page, later);
  await page.reload();
  await expect(panel.getByTestId('sla-state')).toContainText('Paused since');
  await expect(panel.getByTestId('sla-used')).toHaveText(`0 working days of ${target}`);
  await page.goto(`/cases?q=${encodeURIComponent(c.reference)}&status=INFO_REQUESTED`);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('sla-cell')).toContainText('Clock paused');
  await expect(page.getByTestId('queue-row')).not.toHaveAttribute('data-overdue', /.*/);

  // The exporter answers by resubmitting (today); from then on the clock runs again.
  await page.context().clearCookies({ name: COOKIE });
  await signIn('exporter');
  await page.goto(`/applications/${c.id}/edit`);
  await page.getByRole('button', { name: 'Resubmit' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Submitted');

  await signIn('officer');
  await setToday(page, later);
  await page.goto(`/cases/${c.id}`);
  await expect(panel.getByTestId('sla-state')).toContainText('Overdue');
  await expect(panel.getByTestId('sla-used')).toHaveText(`${elapsed} working days of ${target}`);
  await page.goto(`/cases?q=${encodeURIComponent(c.reference)}`);
  await expect(page.getByTestId('sla-cell')).toContainText('Overdue');
  await expect(page.getByTestId('queue-row')).toHaveAttribute('data-overdue', 'true');
});
