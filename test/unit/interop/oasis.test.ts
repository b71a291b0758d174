// OASIS profiles → personas: Reddit-style JSON (realname, bio, persona, mbti, interested_topics)
// and Twitter-style CSV (user_char, description, following_agentid_list, previous_tweets).
import assert from 'node:assert/strict';
import { importPersonas } from '../../../src/core/interop';
import { csvRecords } from '../../../src/core/interop/csvRows';
import { assertAccountedFor } from './accounting';
import { byName, fixture, importFixtures, warningTexts } from './fixtures';

describe('OASIS import', () => {
  describe('Reddit-style JSON', () => {
    const source = fixture('oasis', 'reddit_profiles.json');
    const result = importFixtures('oasis', [source]);

    it('maps profile fields; the persona text is the bio and the short bio a memory', () => {
      const mere = byName(result, 'Mere Tautahi');
      assert.equal(mere.id, 'mere_codes');
      assert.equal(mere.age, 29);
      assert.equal(mere.gender, 'female');
      assert.equal(mere.occupation, 'Software Engineer');
      assert.equal(mere.location, 'New Zealand');
      assert.match(mere.bio!, /^Mere is a backend developer/);
      assert.deepEqual(mere.interests, ['rust', 'open source', 'rugby', 'language revitalisation']);
      assert.ok(mere.memories!.some((m) => m.text === 'My profile says: Backend dev by day, kapa haka by night.'));
    });

    it('maps MBTI to traits and reports what is not a type', () => {
      assert.deepEqual(byName(result, 'Mere Tautahi').traits, {
        extraversion: 0.7,
        openness: 0.7,
        agreeableness: 0.65,
        conscientiousness: 0.7,
      });
      assert.equal(byName(result, 'Tomasz Nowak').traits?.neuroticism, 0.7);
      assert.equal(byName(result, 'Second Tomek').traits, undefined);
      const warnings = warningTexts(result);
      assert.ok(warnings.includes("mbti 'XYZW' is not an MBTI type: traits left at their defaults (Second Tomek)"));
      assert.ok(warnings.includes("age 'unknown' is not a whole number of years 0..130: not mapped (Second Tomek)"));
    });

    it('gives a repeated username a distinct id and falls back to the name for an unusable handle', () => {
      assert.deepEqual(
        result.personas.map((p) => p.id),
        ['mere_codes', 'tomek', 'tomek_2', 'script_alert_x_script_bob'],
      );
    });

    it('keeps unknown fields as memories and says so', () => {
      assert.ok(byName(result, 'Second Tomek').memories!.some((m) => m.text === 'Karma: 1200'));
      assert.ok(warningTexts(result).includes("'karma' has no persona field: kept as seed memories (Second Tomek)"));
    });

    it('drops nothing silently', () => {
      const profiles = JSON.parse(source.text) as Record<string, unknown>[];
      profiles.forEach((profile, i) => assertAccountedFor(result, result.personas[i], profile, ['username']));
    });
  });

  describe('Twitter-style CSV', () => {
    const source = fixture('oasis', 'twitter_profiles.csv');
    const result = importFixtures('oasis', [source]);

    it('maps user_char to the bio, description and previous tweets to memories', () => {
      const user0 = byName(result, 'user_0');
      assert.equal(user0.id, 'user0');
      assert.equal(user0.bio, 'You are a marketing lecturer who loves a debate about branding.');
      assert.deepEqual(
        user0.memories?.map((m) => m.text),
        [
          'My username: user0',
          'My profile says: Lecturer in marketing at a business school',
          'I posted: Marking essays all weekend.',
          "I posted: Students don't read the brief.",
        ],
      );
      // Identical description and user_char: one bio, no duplicate memory.
      assert.deepEqual(
        byName(result, 'user_1').memories?.map((m) => m.text),
        ['My username: user1'],
      );
      // Empty user_char: the description is the bio.
      assert.equal(byName(result, 'user_3').bio, 'Software engineer, music lover, "whiskey aficionado"');
      assert.equal(byName(result, 'user_2').bio, 'You cook, you cycle, you explore.\nYou post photos of every meal.');
    });

    it('turns following_agentid_list into initial ties between imported agents', () => {
      const ties = result.personas.flatMap((p) => (p.relationships ?? []).map((r) => `${p.id}->${r.with}@${r.tie}`));
      assert.deepEqual(ties, [
        'user0->user1@0.75',
        'user0->user2@0.75',
        'user1->user0@0.75',
        'user2->user0@0.75',
        'user2->user1@0.75',
        'user4->user3@0.75',
      ]);
    });

    it('reports follows it cannot carry: unknown agents, oneself, and platform account ids', () => {
      const warnings = warningTexts(result);
      assert.ok(warnings.includes('follows agent ids that are not in the file (7): no tie (user_2)'));
      assert.ok(warnings.includes('a relationship with oneself: not imported (user_4)'));
      assert.ok(warnings.some((w) => w.startsWith("'following_list' holds the platform's account ids")));
      for (const column of [
        'user_id',
        'created_at',
        'followers_count',
        'following_count',
        'activity_level',
        'activity_level_frequency',
      ]) {
        assert.ok(warnings.includes(`'${column}' is platform data, not a persona field: not imported`), column);
      }
    });

    it('drops nothing silently', () => {
      const { records } = csvRecords(source.text);
      // '' is the agent id the follow lists use; the list columns are checked item by item above (tweets_id is '[]').
      records.forEach((record, i) =>
        assertAccountedFor(result, result.personas[i], record, [
          '',
          'name',
          'username',
          'following_agentid_list',
          'previous_tweets',
          'tweets_id',
        ]),
      );
    });

    it('scopes agent ids to their file when several files are imported', () => {
      const both = importFixtures('oasis', [source, source]);
      const ids = both.personas.map((p) => p.id);
      assert.equal(new Set(ids).size, 10);
      assert.deepEqual(
        both.personas[0].relationships?.map((r) => r.with),
        ['user1', 'user2'],
      );
      assert.deepEqual(
        both.personas[5].relationships?.map((r) => r.with),
        ['user1_2', 'user2_2'],
      );
    });

    it("ties no follow to an agent id several rows share, and reads a follow of one's own id as oneself", () => {
      const r = importPersonas('oasis', [
        { file: 'dup.csv', text: ',name,username,following_agentid_list\n0,Ana,ana,[1]\n1,Ben,ben,[0]\n0,Cy,cy,[0]\n' },
      ]);
      assert.deepEqual(
        r.personas.map((p) => p.relationships?.map((t) => t.with)),
        [['ben'], undefined, undefined],
      );
      const warnings = warningTexts(r);
      assert.ok(warnings.includes('follows agent id 0, which could be ana or cy: no tie (Ben)'), warnings.join('\n'));
      assert.ok(warnings.includes('a relationship with oneself: not imported (Cy)'), warnings.join('\n'));
    });

    it('treats a bare number as "follows nobody", as OASIS does', () => {
      assert.equal(byName(result, 'user_3').relationships, undefined);
    });
  });

  it('reads JSON that starts with a UTF-8 byte-order mark, as it reads such a CSV', () => {
    const r = importPersonas('oasis', [
      { file: 'r.json', text: '\ufeff[{"realname": "Aiko Tanaka", "username": "aiko"}]' },
    ]);
    assert.deepEqual(
      r.personas.map((p) => p.id),
      ['aiko'],
    );
    assert.deepEqual(r.warnings, []);
  });

  it('reports what is not a profile file', () => {
    const bad = importPersonas('oasis', [
      { file: 'x.json', text: 'not json' },
      { file: 'y.csv', text: 'a,b\n1,2\n' },
      { file: 'z.json', text: '[1, {"bio": "no name"}]' },
    ]);
    assert.equal(bad.personas.length, 0);
    assert.equal(bad.warnings.length, 4);
  });

  it('warns about a quoted field that is never closed instead of importing it quietly', () => {
    const r = importPersonas('oasis', [{ file: 'bad.csv', text: 'name,username\nAna,ana\n"unterminated,x\n' }]);
    assert.ok(
      warningTexts(r).includes(
        'the quoted field opened on line 3 is never closed: everything after its quote was read as one field',
      ),
      warningTexts(r).join('\n'),
    );
  });
});
