// TinyTroupe agent specs (current persona form, the older _configuration form, fragments) →
// personas: fields, traits from Big Five words, interests, memories, ties by name, warnings.
import assert from 'node:assert/strict';
import { importPersonas } from '../../../src/core/interop';
import { mergeFragment } from '../../../src/core/interop/tinyTroupe';
import { assertAccountedFor } from './accounting';
import { byName, fixture, importFixtures, tinyTroupeFixtures, warningTexts } from './fixtures';

describe('TinyTroupe import', () => {
  const agents = [
    fixture('tinytroupe', 'AnaFolau.agent.json'),
    fixture('tinytroupe', 'RafaelMendes.agent.json'),
    fixture('tinytroupe', 'kenji_sato.json'),
  ];
  const result = importFixtures('tinytroupe', agents);

  it('maps the persona fields of the current agent form', () => {
    const ana = byName(result, 'Ana Folau');
    assert.equal(ana.id, 'ana_folau');
    assert.equal(ana.age, 34);
    assert.equal(ana.gender, 'Female');
    assert.equal(ana.occupation, 'Charge Nurse at Middlemore Hospital, Emergency Department');
    assert.equal(ana.location, 'Auckland, New Zealand');
    assert.match(ana.bio!, /^You run the night shift/);
    assert.equal(ana.style, 'Warm and direct; you use humour to defuse tension.');
    assert.deepEqual(ana.interests, ['netball', 'community health', 'gardening', 'pacific music']);
  });

  it('turns Big Five words and numbers into trait numbers and reports what names no level', () => {
    assert.deepEqual(byName(result, 'Ana Folau').traits, {
      openness: 0.5,
      conscientiousness: 0.9,
      extraversion: 0.63,
      agreeableness: 0.75,
      neuroticism: 0.25,
    });
    assert.deepEqual(byName(result, 'Rafael Mendes').traits, {
      openness: 0.75,
      conscientiousness: 0.7,
      extraversion: 0.9,
      neuroticism: 0.38,
    });
    assert.ok(
      warningTexts(result).some((w) =>
        /big_five\.agreeableness 'Somewhat agreeable' names no level.*\(Rafael Mendes\)/.test(w),
      ),
    );
  });

  it('keeps lists of sentences as labelled seed memories with importances by kind', () => {
    const memories = byName(result, 'Ana Folau').memories!;
    const find = (prefix: string) => memories.find((m) => m.text.startsWith(prefix));
    assert.equal(find('Belief: Health care')?.importance, 7);
    assert.equal(find('Long-term goal: To open')?.importance, 7);
    assert.equal(find('Personality: You are calm')?.importance, 6);
    assert.equal(find('Skill: Triage')?.importance, 4);
    assert.equal(find('Morning routine: Sleeps')?.importance, 3);
    assert.ok(find('Hobby projects, garden: A taro patch'));
    for (const m of memories) assert.ok(Number.isInteger(m.importance) && m.importance >= 1 && m.importance <= 10);
  });

  it('resolves relationships by full or first name to ties, and keeps the others as memories', () => {
    assert.deepEqual(byName(result, 'Ana Folau').relationships, [
      { with: 'rafael_mendes', tie: 0.75, note: 'A paramedic you hand patients over to most nights.' },
    ]);
    assert.deepEqual(
      byName(result, 'Rafael Mendes').relationships?.map((r) => r.with),
      ['ana_folau'],
    );
    assert.deepEqual(
      byName(result, 'Kenji Sato').relationships?.map((r) => r.with),
      ['ana_folau'],
    );
    assert.ok(
      byName(result, 'Ana Folau').memories!.some((m) => m.text === 'Losa: Your daughter, twelve, netball-mad.'),
    );
    assert.ok(
      warningTexts(result).some((w) =>
        /not among the imported agents were kept as seed memories \(Ana Folau\)/.test(w),
      ),
    );
  });

  it('reads the older _configuration form', () => {
    const kenji = byName(result, 'Kenji Sato');
    assert.equal(kenji.occupation, 'Ferry captain');
    assert.equal(kenji.location, 'Japan');
    assert.match(kenji.bio!, /car ferry between Hiroshima and Miyajima/);
    assert.deepEqual(kenji.interests, ['maritime safety', 'haiku', 'gardening']);
    assert.ok(kenji.memories!.some((m) => m.text === 'Personality: You are patient and rarely raise your voice.'));
    assert.ok(kenji.memories!.some((m) => m.text === 'Feeling: Content; the sea is calm today.'));
  });

  it('drops nothing silently', () => {
    for (const source of agents) {
      const spec = JSON.parse(source.text) as Record<string, Record<string, unknown>>;
      const persona = spec.persona ?? { ...spec._configuration };
      const imported = byName(result, persona.name as string);
      // Big Five levels are checked as numbers above; the name is the name.
      assertAccountedFor(result, imported, persona, ['name', 'personality.big_five']);
    }
  });

  it('merges fragments into every agent of the import', () => {
    const all = importFixtures('tinytroupe', tinyTroupeFixtures());
    assert.equal(all.personas.length, 3);
    for (const p of all.personas) {
      assert.ok(p.interests?.includes('late-night radio'), p.name);
      assert.ok(
        p.memories?.some((m) => m.text === 'Belief: The city is a different place after midnight.'),
        p.name,
      );
    }
    assert.ok(
      all.warnings.some((w) => /night_shift\.fragment\.json$/.test(w.file) && /merged into all 3/.test(w.message)),
    );
    const lost: string[] = [];
    const merged = mergeFragment(
      { name: 'A', preferences: { interests: ['x'], mood: 'calm' }, age: 3 },
      { preferences: { interests: ['x', 'y'], likes: ['z'], mood: 'wild' }, age: 9 },
      (p) => lost.push(p),
    );
    assert.deepEqual(merged, { name: 'A', preferences: { interests: ['x', 'y'], mood: 'calm', likes: ['z'] }, age: 3 });
    assert.deepEqual(lost, ['preferences.mood', 'age']);
  });

  it('reports files it cannot read as TinyTroupe agents', () => {
    const bad = importPersonas('tinytroupe', [
      { file: 'broken.json', text: '{"type": "TinyPerson", ' },
      { file: 'other.json', text: '{"hello": 1}' },
      { file: 'extra.agent.json', text: '{"type": "TinyPerson", "persona": {"name": "X"}, "episodic_memory": ["m"]}' },
      { file: 'nameless.agent.json', text: '{"type": "TinyPerson", "persona": {"age": 3}}' },
      { file: 'only.fragment.json', text: '{"type": "Fragment", "persona": {"beliefs": ["x"]}}' },
    ]);
    assert.deepEqual(
      bad.personas.map((p) => p.name),
      ['X'],
    );
    assert.deepEqual(bad.warnings.map((w) => w.file).sort(), [
      'broken.json',
      'extra.agent.json',
      'nameless.agent.json',
      'only.fragment.json',
      'other.json',
    ]);
    assert.ok(
      bad.warnings.some((w) => w.message === "top-level 'episodic_memory' is not part of the persona: not imported"),
    );
  });

  describe('relationships that name no single other agent', () => {
    const agent = (name: string, relationships: { name: string; description?: string }[] = []) =>
      JSON.stringify({ type: 'TinyPerson', persona: { name, relationships } });
    const r = importPersonas('tinytroupe', [
      {
        file: 'jose1.agent.json',
        text: agent('José Núñez', [
          { name: 'José', description: 'My cousin.' },
          { name: 'José Núñez', description: 'Myself?' },
          { name: 'Wang', description: 'Supplier.' },
        ]),
      },
      { file: 'jose2.agent.json', text: agent('José Núñez') },
      {
        file: 'wang.agent.json',
        text: agent('Wang Xiaoming', [{ name: 'josé núñez', description: 'Customer.' }, { name: 'Wang' }]),
      },
    ]);
    const [jose1, jose2, wang] = r.personas;

    it('keeps a full or first name several agents share as a memory, with a warning naming them', () => {
      assert.equal(wang.relationships, undefined);
      assert.ok(wang.memories?.some((m) => m.text === 'josé núñez: Customer.'));
      assert.ok(jose1.memories?.some((m) => m.text === 'José: My cousin.'));
      const warnings = warningTexts(r);
      assert.ok(
        warnings.includes(
          "the relationship with 'josé núñez' could be jose_nunez or jose_nunez_2: kept as a seed memory, not a tie (Wang Xiaoming)",
        ),
        warnings.join('\n'),
      );
      assert.ok(
        warnings.includes(
          "the relationship with 'José' could be jose_nunez or jose_nunez_2: kept as a seed memory, not a tie (José Núñez)",
        ),
        warnings.join('\n'),
      );
    });

    it("treats one's own name as oneself, not the namesake: a memory when described, else a warning", () => {
      assert.deepEqual(jose1.relationships, [{ with: 'wang_xiaoming', tie: 0.75, note: 'Supplier.' }]);
      assert.ok(jose1.memories?.some((m) => m.text === 'José Núñez: Myself?'));
      assert.equal(jose2.relationships, undefined);
      const warnings = warningTexts(r);
      assert.ok(warnings.includes('a relationship with oneself: kept as a seed memory, not a tie (José Núñez)'));
      assert.ok(warnings.includes('a relationship with oneself: not imported (Wang Xiaoming)'));
    });
  });

  it('keeps what a relationship says besides name and description as memories, tie or not', () => {
    const r = importPersonas('tinytroupe', [
      {
        file: 'a.agent.json',
        text: JSON.stringify({
          type: 'TinyPerson',
          persona: {
            name: 'Bo',
            relationships: [
              { name: 'Bo', since: 2019 },
              { name: 'Cy', description: 'A friend.', role: 'mentor' },
            ],
          },
        }),
      },
    ]);
    assert.deepEqual(
      r.personas[0].memories?.map((m) => m.text),
      ['Bo, since: 2019', 'Cy, role: mentor', 'Cy: A friend.'],
    );
    assert.ok(warningTexts(r).includes("'relationships.since' has no persona field: kept as seed memories (Bo)"));
  });

  it('keeps a Big Five description as a memory, but not a bare level or number', () => {
    const bigFive = {
      extraversion: '0.2',
      openness: 'Medium-High',
      conscientiousness: '7/10',
      neuroticism: 'Low. Calm under pressure.',
    };
    const p = importPersonas('tinytroupe', [
      {
        file: 'a.agent.json',
        text: JSON.stringify({ type: 'TinyPerson', persona: { name: 'Bo', personality: { big_five: bigFive } } }),
      },
    ]).personas[0];
    assert.deepEqual(p.traits, { extraversion: 0.2, openness: 0.63, conscientiousness: 0.7, neuroticism: 0.25 });
    assert.deepEqual(
      p.memories?.map((m) => m.text),
      ['Personality (neuroticism): Low. Calm under pressure.'],
    );
  });

  it('reads a file that starts with a UTF-8 byte-order mark', () => {
    const bom = importPersonas('tinytroupe', [
      { file: 'a.agent.json', text: '\ufeff{"type": "TinyPerson", "persona": {"name": "Bo"}}' },
    ]);
    assert.deepEqual(
      bom.personas.map((p) => p.name),
      ['Bo'],
    );
    assert.deepEqual(bom.warnings, []);
  });

  it('gives duplicate names distinct ids', () => {
    const text = JSON.stringify({ type: 'TinyPerson', persona: { name: 'Sam Lee' } });
    const twice = importPersonas('tinytroupe', [
      { file: 'a.json', text },
      { file: 'b.json', text },
    ]);
    assert.deepEqual(
      twice.personas.map((p) => p.id),
      ['sam_lee', 'sam_lee_2'],
    );
  });
});
