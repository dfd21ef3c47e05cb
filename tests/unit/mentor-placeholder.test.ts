import { describe, expect, it } from 'vitest';
import { fillMentorHtml, fillMentorText, findPlaceholders, mentorSegments, mentorText, placeholderProblems } from '../../src/lib/mentor-placeholder.ts';
import { contactLinks } from '../../src/lib/contact.ts';
import { emailAddress, httpsUrl } from '../../src/model/schemas/fields.ts';

describe('mentor placeholders', () => {
  it('writes the full name and the first name', () => {
    expect(fillMentorText('{mentor.name} is your mentor. Ask {mentor.first}.', 'Priya Raman')).toBe('Priya Raman is your mentor. Ask Priya.');
    expect(mentorText('first', '  Tomás  Novák ')).toBe('Tomás');
    expect(mentorText('name', ' Tomás Novák ')).toBe('Tomás Novák');
  });

  it('renders placeholders in HTML as spans the island can swap, escaping the name', () => {
    expect(fillMentorHtml('<p>{mentor.name} reads drafts; ask {mentor.first}.</p>', 'Ana <b>López</b>')).toBe(
      '<p><span data-mentor-field="name">Ana &#60;b&#62;López&#60;/b&#62;</span> reads drafts; ask <span data-mentor-field="first">Ana</span>.</p>',
    );
  });

  it('writes the plain name inside a tag, where a span cannot go', () => {
    expect(fillMentorHtml('<a href="/x" title="Ask {mentor.first}">{mentor.first}</a>', 'Bo Ek')).toBe(
      '<a href="/x" title="Ask Bo"><span data-mentor-field="first">Bo</span></a>',
    );
    expect(fillMentorHtml('<p>{mentor.name}</p>', undefined)).toBe('<p></p>');
  });

  it('leaves other braces alone and cuts a task into text and placeholders', () => {
    expect(fillMentorHtml('<code>{x}</code> {mentorship}', 'Bo')).toBe('<code>{x}</code> {mentorship}');
    expect(mentorSegments('Book time with {mentor.first} this week')).toEqual(['Book time with ', { field: 'first' }, ' this week']);
    expect(mentorSegments('No mentor here')).toEqual(['No mentor here']);
  });

  it('refuses unknown placeholders, with a suggestion, and known ones on a track without a mentor', () => {
    const text = 'Hi {mentor.nmae}, {mentor}, { mentor.name }, {Mentor.Name} and {mentor.name}.';
    expect(findPlaceholders(text).map((p) => p.token)).toEqual(['{mentor.nmae}', '{mentor}', '{ mentor.name }', '{Mentor.Name}', '{mentor.name}']);
    const problems = placeholderProblems(text, true);
    expect(problems.map((p) => p.message)).toEqual([
      'has "{mentor.nmae}", which is not a placeholder; allowed: {mentor.name}, {mentor.first} (did you mean "{mentor.name}"?)',
      expect.stringMatching(/^has "\{mentor\}", which is not a placeholder; allowed: \{mentor\.name\}, \{mentor\.first\}/),
      expect.stringMatching(/^has "\{ mentor\.name \}", which is not a placeholder/),
      expect.stringMatching(/^has "\{Mentor\.Name\}", which is not a placeholder/),
    ]);
    expect(problems[0]!.index).toBe(3);
    expect(placeholderProblems('Ask {mentor.first}.', false)).toEqual([
      { index: 4, message: 'has "{mentor.first}", but the track has no mentor to name; set "mentor" to a person, or write the words instead' },
    ]);
    expect(placeholderProblems('Ask {mentor.first}.', true)).toEqual([]);
  });
});

describe('contact ways', () => {
  it('accepts an address and https links only', () => {
    expect(emailAddress().safeParse('ana@example.com').success).toBe(true);
    for (const bad of ['mailto:ana@example.com', 'Ana <ana@example.com>', 'ana@example', 'ana@example.com?subject=x', 'a b@example.com'])
      expect(emailAddress().safeParse(bad).success, bad).toBe(false);
    expect(httpsUrl().safeParse('https://cal.example.com/ana').success).toBe(true);
    for (const bad of [
      'http://cal.example.com/ana',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '//cal.example.com',
      'https://user:pw@cal.example.com',
    ])
      expect(httpsUrl().safeParse(bad).success, bad).toBe(false);
  });

  it('links e-mail as mailto:, then chat, then booking, and never a value the schema would refuse', () => {
    expect(contactLinks({ booking: 'https://book.example.com/ana', email: 'ana@example.com', chat: 'https://chat.example.com/ana' })).toEqual([
      { kind: 'email', href: 'mailto:ana@example.com' },
      { kind: 'chat', href: 'https://chat.example.com/ana' },
      { kind: 'booking', href: 'https://book.example.com/ana' },
    ]);
    expect(contactLinks({ email: 'x?cc=evil@example.com', chat: 'javascript:alert(1)', booking: 'http://book.example.com' })).toEqual([]);
    expect(contactLinks(undefined)).toEqual([]);
  });
});
