/** Given names and surnames for the demo's people; combined deterministically, never a real roster. */
export const GIVEN_NAMES: readonly string[] = [
  'Aisha', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jamal', 'Katie', 'Liam', 'Maya', 'Noah',
  'Olivia', 'Priya', 'Quentin', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Will', 'Xin', 'Yusuf', 'Zoe', 'Amelia', 'Callum',
  'Dev', 'Erin', 'Finn', 'Hannah', 'Ivan', 'Jade', 'Kofi', 'Lucy', 'Mohammed', 'Nina', 'Oscar', 'Ruby',
];

export const SURNAMES: readonly string[] = [
  'Adams', 'Bennett', 'Carter', 'Dixon', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jenkins', 'Khan', 'Lewis', 'Murphy',
  'Nowak', 'Owens', 'Patel', 'Quinn', 'Robinson', 'Shah', 'Turner', 'Underwood', 'Vaughan', 'Walker', 'Xu', 'Young', 'Zielinski',
  'Ahmed', 'Brooks', 'Campbell', 'Doyle', 'Ellis', 'Foster', 'Gill', 'Harris', 'Ingram', 'Kelly', 'Mensah', 'Okafor', 'Reid', 'Singh',
];

/** Hostile display names two guests carry: the report must escape them (demo-scenarios.md). */
export const HOSTILE_DISPLAY_NAMES: readonly string[] = ['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>'];

export const PARTNER_DOMAINS: readonly string[] = ['fabrikam.example', 'tailspin.example', 'adatum.example', 'litware.example'];
