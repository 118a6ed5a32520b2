import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Driving the desk page in the browser tests. */

/** Answers whatever the desk asks from `answers` (fact → button label or typed text) until the outcome card shows. */
export async function answerCase(page: Page, answers: Readonly<Record<string, string>>, keyboard = false): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.locator('.question, .card').first().waitFor();
    if (await page.locator('.card').count()) return asked;
    const section = page.locator('.question');
    const fact = (await section.getAttribute('data-fact')) as string;
    expect(asked, `asked ${fact} twice`).not.toContain(fact);
    asked.push(fact);
    const answer = answers[fact];
    expect(answer, `no answer for ${fact}`).toBeDefined();
    if (await section.locator('.choice').count()) {
      const labels = await section.locator('.choice').allTextContents();
      const n = labels.indexOf(answer);
      expect(n, `${answer} among ${labels.join(', ')}`).toBeGreaterThanOrEqual(0);
      if (keyboard) await page.keyboard.press(String(n + 1));
      else await section.locator('.choice').nth(n).click();
    } else if (keyboard) {
      await page.keyboard.type(answer);
      await page.keyboard.press('Enter');
    } else {
      await section.locator('input').fill(answer);
      await section.locator('button[type=submit]').click();
    }
    // The next question, or the card (the page's CSP forbids evaluating text, so no waitForFunction).
    await page.locator(`.card, .question:not([data-fact="${fact}"])`).first().waitFor();
  }
  throw new Error('the desk never reached an outcome');
}

