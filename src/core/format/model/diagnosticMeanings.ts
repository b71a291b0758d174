// What each diagnostic code means, as docs/diagnostics.md gives it (its table is written from this
// one by `npm run docs:reference`) and the editor's link on a problem's code leads to: a row per
// code of CODES, which the compiler holds both ways (a code without its meaning, or a meaning of no
// code, does not compile).
import type { DiagnosticCode } from './diagnostics';

export const DIAGNOSTIC_MEANINGS: Readonly<Record<DiagnosticCode, string>> = {
  SOC001: 'YAML syntax',
  SOC002: 'duplicate key',
  SOC003: 'kind',
  SOC004:
    'unreadable file: absent, not a regular file (a named pipe, a device, a folder: named as such, never read), or over the size limit',
  SOC005: 'not a text file: binary (NUL bytes), UTF-16 (its byte order mark), or not UTF-8',
  SOC006: 'a control character in the text (values may hold tabs and line breaks only)',
  SOC010: 'missing property',
  SOC011: 'unknown property (with did-you-mean)',
  SOC012: 'wrong type',
  SOC013: 'value not allowed',
  SOC020: 'duplicate persona id',
  SOC021: 'unknown persona id',
  SOC022: 'relationship with oneself',
  SOC023:
    'reserved name (a persona id `constructor`, a model `__proto__`; in the mechanics an agent argument named `world`, `me`, `args`, `n`, `round` or `traits`, a quantity or argument named `true`, `false`, `null` or `in`)',
  SOC030: 'include matches nothing',
  SOC031: 'include cycle',
  SOC032:
    "include leaves the workspace: as written, or where it leads through a symbolic link (a literal file or a glob's folder), in a trusted workspace and on the command line too; a link to something that is no file (`/dev/zero`) is SOC004 saying both",
  SOC033: 'included scenario settings ignored',
  SOC034: 'include not loaded in an untrusted workspace (editor only)',
  SOC035:
    "an include's glob matches something that is not a regular file (a named pipe, a socket, a device): it is not read, and never blocks a read (warning)",
  SOC040: 'unknown model',
  SOC041: 'secret written in a file',
  SOC042: 'models sharing an endpoint with different limits',
  SOC043:
    '(warning) a model setting its provider does not read, at the setting: `embeddings` on a provider that cannot embed, `local` on any provider but `local`, `base_url`/`api_key_env`/`headers`/`azure` without an endpoint, `price` on a free provider, sampling, prompt and rate settings on the offline model; the run would ignore it without a word',
  SOC050: 'unknown template variable',
  SOC051: 'all rewards zero',
  SOC052: 'event after the last round',
  SOC053: 'no personas',
  SOC054:
    "a `set:` key (an experiment condition's or a timed event's) that names nothing it can set: which path cannot be varied (or set by an event), why (`name one of its fields`, `actions are fixed; vary a quantity they read`, `world has no setting 'roundz'`…), then the path plainly meant (`Did you mean 'state.world.multiplier.initial'?`, with its quick fix) and the paths that can, nearest first, when the line has room, in a line the Problems panel shows whole (`Can vary: ….{initial,min,max,update} (+57 more)`): it starts with a capital and the did-you-mean comes before any list, since the panel cuts a long line's end; in a condition also a quantity (`state.world.<q>.initial`, `state.agents.<q>.…`), a population group (`population.<group>.…`), a feed, phase, action, effect or argument (`feeds.<f>.…`, `round.<phase>.…`, `actions.<a>.…`) the scenario does not declare, or a field it does not have, with the declared names and did-you-mean (`society experiment` says the same)",
  SOC055: 'invalid distribution',
  SOC056: 'duplicate name (a room member listed twice too)',
  SOC057: 'parameter fixed during a run (`world.rounds` in a timed `set`)',
  SOC058: 'all tie weights zero',
  SOC059: 'event that can never apply (removing someone twice, or before they are added)',
  SOC060: 'relationship with someone absent when its persona joins (the tie would be dropped)',
  SOC061:
    "invalid expression in the mechanics: a syntax or type error, an unknown quantity (also `a.<q>` of an agent in `agents.map(a, …)`), trait, argument or post field, a `filter`/`exists`/`all` whose condition is not a bool, or the wrong result (`when` gives a condition, `update` and effects a number; a phase's `when` is a condition on `world`, `n`, `round` and `agents`); marked on the sub-expression",
  SOC062:
    'unknown effect target: `world.<q>` needs a world quantity, `me.<q>` and `<arg>.<q>` an agent quantity and an agent argument',
  SOC063:
    'inconsistent bounds: min > max (of a quantity or a number argument, whose defaults are 0..1), an `initial` outside min..max, a whole-number argument with no whole number in min..max; an argument\'s bounds count when written as numbers or number literals (`min: "5.0"`) and as an experiment condition leaves them (`set: { actions.give.args.part.min: 4 }`, at what the condition wrote; applying such a condition is refused too)',
  SOC064:
    'action that can never be taken: its `when` reads nothing and is false, or a declared `round` has no phase that offers it (warning)',
  SOC065:
    'world quantity that plays no part: no `update`, no effect changes it, and no expression reads it (warning; information when the scenario has a `module:`, which validation never loads and which may write or read it)',
  SOC066: "unknown action in a phase's `actions` (with did-you-mean)",
  SOC067:
    "unknown group in a phase's `who`: groups are population groups and personas' `group` (included personas and those events add too)",
  SOC068: "unknown feed: in a phase's `reads`, an action's `post`, a post argument's `feed`",
  SOC069:
    'no feed to post on or read from: an action posts, likes or reads a post and the scenario declares no `feeds:`; a post argument without `feed:` when there are several feeds',
  SOC070:
    'wrong argument for a platform action: `reply_to` and `like` name a post argument of the action, `follow` and the keys of `ties` an agent or post argument; `reply_to` without `post`',
  SOC071:
    'invalid phase: two phases of one name in `round`, or a built-in phase (`meet`, `evaluate`, `learn`) with `actions`, `order`, `who` or `reads` (it takes only `when`)',
  SOC072:
    'phase that never runs: its `who` groups have nobody in them, or its `when` reads only `round` and `n` and is false in every round of the run, `n` being the agents at the start (warning)',
  SOC073:
    '`evaluate` with no `meet` before it in `round`: evaluate rates the conversations meet holds, so it has none (warning)',
  SOC074:
    '`module:` names a file that does not exist beside the scenario (the module itself is never loaded by validation: docs/authoring.md §11)',
  SOC075:
    'expression too costly: its nested `exists`/`all`/`exists_one`/`map`/`filter` (over `agents`: once per agent the scenario brings) could take more than 100,000 steps in one evaluation (the estimate and the limit in the message; marked on the outermost macro); also any `matches`, whose regular expression could backtrack for exponential time and cannot be interrupted (docs/authoring.md §4, "What an expression may cost")',
  SOC076:
    'number that is not finite: `.nan`, `.inf`, `-.inf` or a literal past 1.8e308 (`1e400`), anywhere in a persona or scenario (JSON would write it as `null`; for no bound, leave `min` or `max` out)',
  SOC077:
    'division of two whole numbers in an expression (`5 / 2` is 2): integer literals, `n`, `round`, `int(…)`; the quick fix divides as numbers (`5.0 / 2.0`); `int(5 / 2)` says the whole part is meant (warning)',
  SOC078:
    "a claim (`experiment.claims`) naming a condition the experiment does not have, or the same condition as `higher` and `than` (it could never hold), or a claim or `experiment.metrics` naming a metric no run measures: the network metrics and the declared state's outcomes (`world.<q>.final` of a world quantity something writes — an `update`, an effect, or the scenario's module — `world.<q>.survival` of one with a `min`, `agents.<q>.mean`, `.gini`, and `.gain.g<k>` with `generations:`), with the names there are and did-you-mean",
  SOC079:
    "categorical quantity (`labels`) whose declaration disagrees with its labels: `integer: false`, a `min` other than 0, a `max` other than the last label's value (number of labels − 1), or an `initial` that no label names; at the value written",
  SOC080:
    "an argument's `where` that is not a valid condition on the candidate: a syntax error, an unknown name (with did-you-mean: the candidate's quantities, `.group`, `.id`, `.tie`; a post's `.likes`, `.replies`, `.age`, `.author`; a place's `.id`, `.label`, `.occupants`, `.capacity`, `.full`), or a value that is not a bool; at the sub-expression",
  SOC081: '`where` on a number argument: only agent, post and place arguments choose among candidates (warning)',
  SOC082:
    "a phase's `actions` given by group naming a group no population group or persona has, with did-you-mean; at the key (an experiment condition's `round.<phase>.actions` given by group too)",
  SOC083: "a phase's `actions` given by group naming an action the scenario does not declare, with did-you-mean",
  SOC085:
    "a persona's or population group's `state:` names no agent quantity (with did-you-mean and a quick fix; at the name)",
  SOC086:
    "a persona's or population group's `state:` names a world quantity: it sets the agent's own quantities, those under `state.agents`",
  SOC087:
    "a starting value in `state:` outside its quantity's `min`/`max` (a label's range for `labels`): the run clamps it (warning, at the value)",
  SOC088: "a timed event's `post` names a feed not declared under `feeds:` (with did-you-mean and a quick fix)",
  SOC089:
    "a timed event's `post` names an `author` that is no persona id of the scenario (with did-you-mean and a quick fix); leave `author` out for the platform's own post",
  SOC090:
    "an experiment condition's `round.<phase>.actions` (a list, or lists by group, which replace the phase's own whichever way it was written) or `round.<phase>.reads` naming an action or feed the scenario does not declare, at the item, with did-you-mean and a quick fix (`society experiment` refuses it too)",
  SOC091:
    "a place that `places:` does not declare, named by a daily plan (`plan:` of the scenario, a group or a persona), a place's `overflow`, a room's `place` or an action's `move`; at the value, with did-you-mean and a quick fix",
  SOC092:
    'a daily plan naming a part of the day that `day:` does not list (with did-you-mean and a quick fix; at the key)',
  SOC093:
    "a `day:`, a daily plan, a room's `place`, a place argument or a `move` in a scenario that declares no `places:`",
  SOC094: "a place's `capacity` below 1 (leave it out for no limit)",
  SOC095: "a place's `overflow` chain that comes back to it: those turned away would never be placed",
  SOC096: 'a part of the day listed twice in `day:`',
  SOC097:
    "an action's `move: args.<a>` where `<a>` is not an argument of `type: place` of that action (with did-you-mean among its place arguments)",
  SOC098: 'an `overflow` on a place without a `capacity`: nobody is ever turned away, so it is never used (warning)',
  SOC100:
    "a knowledge item's `source` that is not a persona id, at the value, with did-you-mean and a quick fix (the source knows the item from the start)",
  SOC101:
    'a `known_by` entry of a knowledge item that is neither a persona id nor a population group, at the item, with did-you-mean',
  SOC102:
    '(warning) a knowledge item with neither `source` nor `known_by`: nobody knows it at the start, so it can never spread',
  SOC103:
    'an outcome over time (`<series>.at.r<k>`, `.reaches.<level>`, `.falls.<level>`, in a claim or `experiment.metrics`) of a series a run does not have, at the value, with the series there are and did-you-mean as a quick fix (`knowledge.news.reaches.0.5` → `knowledge.news.share.reaches.0.5`)',
  SOC104:
    "(warning) `<series>.at.r<k>` with k after the last round of the longest run (`world.rounds`, or a condition's longer `world.rounds`): no run has a value there (`--rounds` may run longer)",
  SOC105:
    'a malformed outcome over time: `.reaches.` / `.falls.` not followed by a decimal level, `.at.` not followed by `r<k>`',
  SOC106:
    '(warning) an agent quantity that looks like a measurement tally but is valued (the default), so the offline model wants more of it and the actions that raise it are taken for that alone: only actions\' effects change it, each adding a constant to the actor\'s (`me.told: "me.told + 1.0"`) or to an agent argument\'s (`helped.times_helped: "helped.times_helped + 1.0"`), no `update` changes it, no expression reads it but the updates of world totals that only measure, and `valued` is not written; at the quantity\'s name, with `valued: false` as a quick fix (write `valued: true` where agents should want it). The same for the other bookkeeping a valued default turns into an incentive: a 0/1 flag, agent or world, that actions only ever set to 0 or 1 (`me.coop_now: "1.0"`; an `update` may only reset it), whoever reads it (a flag\'s 1 is not more of anything), and a world counter that actions only raise by a constant (`world.coops: "world.coops + 1.0"`), has no `update` and that nothing reads but totals that only measure. Not said with a `module:` (code may read it)',
  SOC107:
    '(info) an action, among others, whose every effect is on quantities marked `valued: false` that nothing but measurement reads, with no platform verb and no move: its only consequence is a count, so the offline model weighs it as an action that changes nothing',
  SOC110:
    "a survey's `instrument` that is neither declared under `instruments:` nor shipped (`mini-ipip`), at the name, with the instruments there are and did-you-mean as a quick fix",
  SOC111:
    "an entry of a survey's `to` that is neither a persona id nor a population group, at the value, with did-you-mean as a quick fix",
  SOC112:
    "a scale's `items` entry that is not an item of its instrument, or a `reverse` entry that is not among the scale's items, at the value, with did-you-mean",
  SOC113:
    "(warning) a round in a survey's `at` after the last round (`world.rounds`): the survey is never administered then",
  SOC114: 'an item id declared twice in one instrument, at the second',
  SOC115: 'a scale item answered with `choice` or `text`: only Likert and numeric items can be scored',
  SOC116:
    'a malformed response scale: a numeric one without `min` and `max` or with `min ≥ max`, a choice without `options`, a Likert whose `anchors` are not one per point',
  SOC120:
    'a judge in `judges[].by` that is neither `offline`, `offline:<name>` nor a model of `models`, at the value, with did-you-mean and a quick fix',
  SOC121:
    'a `judges[].rubric` that names no shipped rubric (there is `sotopia`), at the value, with did-you-mean and a quick fix; declare the dimensions instead',
  SOC122:
    'a malformed rubric dimension: `min` not below `max` (at `max`), an anchor outside `min..max` (at the anchor), or an `offline` signal the offline judge does not know (with did-you-mean)',
  SOC123: 'a group in `judges[].groups` that no persona or population has, at the value, with did-you-mean',
  SOC124:
    '(warning) a judging that cannot happen as written: a round in `rounds` after the last round, a judge named twice in `by` (compared with itself), or two judgings of one name (their judgements would mix)',
  SOC125:
    'a census table (`census.marginals`, `census.joint`) that is missing, unreadable or absolute, or a table without a count/share column or with a row that is not a number ≥ 0, or an attribute whose counts are all 0 (no agent could be drawn from it), at the file name; also attributes that cross to more than 1,000,000 cells',
  SOC126:
    'a census attribute under `census.attributes` that no marginal table has, a joint-table column that is no attribute of the marginals, or a `field` no census attribute can set (`age`, `gender`, `occupation`, `location`, `group`, `style`, `bio`, `interests`, `traits.<t>`, `motivations.<d>`, `state.<agent quantity>`), with did-you-mean',
  SOC127:
    "a category in an attribute's `values` that its table does not have, a joint-table category not in its marginal table (with the line), or categories a number field cannot read (not a number, a band `25-34`, an open band `65+` or a label): give them in `values`; with did-you-mean",
  SOC128:
    '(warning) census marginals whose totals differ by more than 0.5% (counts against counts; shares against 1, percents against 100): each attribute is fitted as shares of its own total, so the tables may describe different populations',
  SOC129:
    'a joint (seed) table with no weight for a category the marginals give a positive target: IPF cannot reach that margin; add a row or a small count to the zero cells',
  SOC130:
    'a calibration measure (`calibration.measures`) mapped to a series the runs do not compute, at the series, with the series there are and the one meant as a quick fix (`world.fsh` → `world.fish`)',
  SOC131: '(warning) a value listed twice in a calibration `sweep:`: the same setting would run twice',
  SOC132: 'a seed listed twice in `calibration.seeds`: repeated seeds are not independent runs',
  SOC133:
    "the observed data (`calibration.observed`) missing, unreadable or malformed (no `round`, `measure` or `value` column, with the one meant; a round or value that is not a number), at the file name, with the CSV's line",
  SOC134:
    'a measure `calibration.measures` names that the observed file has no values of (a warning, with the one meant), or a measure of the file that is neither mapped nor a series of the runs (an error)',
  SOC140:
    "observed rows (`calibration.observed`) no run can be compared with, at the file name with the CSV's line: a row naming a condition the calibration does not run (with the one meant and the conditions there are), or rows at rounds after the longest run's last (a warning: the fit pools only rounds both the runs and the data have, so they change no statistic)",
  SOC141:
    "a group compared by name in an expression (`whom.group == 'candidats'`, `me.group != 'lead'`, in a `where`, a `when`, an update or an effect) that no population group or persona has: the comparison is the same for every agent, so a filter passes nobody and the action is never offered; at the name, with did-you-mean and a quick fix",
  SOC142:
    '(warning) `<series>.falls.<level>` of a world quantity that starts at or below the level (a per-round flow that starts at 0), or `.reaches.<level>` of one that starts at or above it: the first round is 0 in every run, whatever happens after; compare `.at.r<k>` instead',
  SOC150:
    "a group `matching.within` or `matching.between` names that no population group or persona has (in the scenario, or in an experiment condition's `set:`), at the name, with did-you-mean and a quick fix",
  SOC151:
    'a matching that cannot place everyone it matches (`matching:`): the agents matched do not divide into groups of `size` (with how many would be left out each round; checked at the start and after the events of each round that add or remove agents, a warning where only those events make it so), `between` two groups of different sizes, `between` one group and itself (each agent would be in two pairs), or `between` with `size` other than 2; also for the matching an experiment condition runs (`set: { matching.size: 3 }`), at what the condition wrote',
  SOC152:
    "`world.encounters.among: match` (meet only one's match group) in a scenario without `matching:`, where nobody has a match group and no conversation would be held, at the value (also where an experiment condition's `set:` writes it)",
  SOC153:
    "a `provider: local` model's file (`model:` or `embeddings.model:`) that is an absolute path, leaves the workspace folder with `..`, or leads out of it through a symbolic link, unless it is in the models cache the installer fills (`$SOCIETY_CACHE/models`, else `~/.cache/society-studio/models`), at the value",
  SOC154:
    'a run larger than a run may be, as a whole: more than 1,000,000 agents across every population group and persona together (the schema caps each group alone), or more than 1,000,000,000 agents × rounds; the message says both numbers and the bound, at `population` (or `world.rounds`)',
  SOC155:
    "(`society check`) a `provider: local` model's file that cannot be used: missing, not a GGUF model, a damaged or cut-off header (a `general.alignment` that is not a power of two included), or for `model:` no chat template; at the value, with the fix",
  SOC156:
    "a `local` model's `local.context_size` past the tokens its model file was trained on (its GGUF header), or whose KV cache would take more than half this machine's memory; `society check` only (it reads the model file), at the model; `society run` stops before loading a cache larger than the machine's memory",
  SOC160:
    "a study's `scenario:` that cannot be used: absolute, outside the workspace, unreadable, or a file with no scenario (at the value)",
  SOC161:
    "a hypothesis that names a condition the scenario's `experiment.conditions` lacks (or the study does not run), a metric the scenario's runs do not measure, an effect of a condition against itself (0 in every run), both `higher`/`than` and `effect:` or neither, or an id used twice",
  SOC162:
    'a seed plan whose cap is below its first batch, or whose fixed seeds or cap leave fewer than 2 seeds a hypothesis can be tested on',
  SOC163:
    'a study model no run here could call: `vscode` outside the editor (a warning), a `local` model file that is missing or not GGUF, an `openai` endpoint without `base_url`',
  SOC164: 'a `validity.anchors` entry on a condition the study does not run, or the same condition anchored twice',
};
