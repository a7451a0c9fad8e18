// Writes common-passwords.txt: passwords people pick, built from well-known base words, keyboard
// walks and the usual decorations (digits, years, "!", repetition). Written by hand, not downloaded.
// Run: node subgraphs/auth/resources/generate-common-passwords.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const words = `password passw0rd p@ssword p@ssw0rd pass letmein welcome iloveyou admin administrator root qwerty
abc123 monkey dragon football baseball basketball soccer hockey sunshine princess shadow master superman batman
spiderman trustno1 michael jennifer jordan hunter ranger buster thomas robert soccer harley charlie daniel andrew
joshua matthew jessica ashley amanda michelle nicole hannah summer winter spring autumn freedom whatever secret
starwars pokemon computer internet samsung iphone google facebook twitter linkedin microsoft apple orange banana
chocolate cookie cheese pepper ginger tigger mickey minnie snoopy garfield scooby yankees cowboys eagles lakers
chelsea arsenal liverpool barcelona realmadrid manchester united london paris berlin newyork chicago
changeme default guest test tester testing login logon access qazwsx zaq12wsx killer flower lovely loveme
myspace friends family forever together angel angels blessed jesus christ heaven nanopore sequencing laboratory
science biology genome welcome1 letmein1 baby babygirl sweetheart beautiful butterfly rainbow unicorn
mustang ferrari porsche corvette harley yamaha honda toyota nissan mercedes dolphin panther tiger lion
eagle falcon phoenix wizard merlin gandalf matrix ninja samurai warrior hello hello123 helloworld goodbye
secret123 security company business office work homework school student teacher college university
summer2024 winter2024 qwerty123 monday tuesday friday weekend holiday january february march april june july
august september october november december`.split(/\s+/).filter(Boolean);

const walks = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertyuiopasdf', 'asdfghjklzxcv', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv',
  'qazwsxedcrfv', 'zaq12wsxcde3', '!qaz@wsx#edc', 'qwerasdfzxcv', 'qweasdzxc123', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u8i',
  'q1w2e3r4t5y6', 'zxcvbnm12345', 'asdf1234asdf', 'qwer1234qwer', 'abcdefghijkl', 'abcdefghijklmnop', 'abcd1234abcd'];
const digitRuns = [];
for (let len = 8; len <= 16; len++) {
  digitRuns.push('1234567890'.repeat(2).slice(0, len), '0987654321'.repeat(2).slice(0, len));
  for (let d = 0; d <= 9; d++) digitRuns.push(String(d).repeat(len));
}
const suffixes = ['', '1', '12', '123', '1234', '12345', '123456', '!', '1!', '123!', '1234!', '@123', '#1', '01', '007', '69', '99', '00',
  '!!', '!@#', '123456789', '1234567890', '2000', '2010', '2015', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'];

const out = new Set([...walks, ...digitRuns]);
for (const w of [...words, ...walks]) {
  for (const s of suffixes) out.add(w + s);
  out.add(w + w);
  out.add(`${w}${w}123`);
  out.add(`my${w}`);
  out.add(`${w}isgreat`);
  out.add(`ilove${w}`);
}
writeFileSync(join(import.meta.dirname, 'common-passwords.txt'), [...out].map((p) => p.toLowerCase()).sort().join('\n') + '\n');
console.log(`${out.size} passwords written`);
