// What an interview question asks about, recognised by one table on both sides: the engine
// retrieves the memories that answer it (engine/memory/interviewQuery.ts) and the offline model words its
// answer from them (llm/offline/interview.ts). With two lists the engine fetched the memories for
// one kind of answer and the offline model gave another ("Are you okay?" fetched rewards and
// advice, then got the top memories told in order; "Who are you?" got a list of friends).

export const QUESTION_TOPICS = ['coach', 'needs', 'feelings', 'relationships', 'interests', 'plans'] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

/** Question words and phrases (stopwords included: "how are you") that ask about each topic. */
export const ASKS_ABOUT: Readonly<Record<QuestionTopic, RegExp>> = {
  coach: /\b(coach\w*|advi[cs]e\w*|tips?|suggest\w*|recommend\w*)\b/i,
  needs: /\b(needs?|needed|needing|miss(es|ed|ing)?|lack\w*|wants?|wish\w*|short of|help|better|improve\w*)\b/i,
  // Not "feel about / towards": that asks about someone or something, whose name is the cue.
  // "ok", "alright" only after "are you / you're / doing": as a filler ("Okay, and your plans?") they ask nothing.
  feelings:
    /\b(feel\w*(?! (about|towards?)\b)|mood\w*|happ(y|ier|iness)|unhappy|sad|lonely|content(ed)?|satisf\w*|well-?being|(are you|you're|you are|doing) (ok(ay)?|alright|all right)|how are you|how('s| is| has) (it|life|everything|things)|how (are|have) (things|you)|fared|faring)\b/i,
  // Not "who are you": that asks about the agent itself.
  relationships:
    /\b(friends?\w*|get (on|along)|close to|closest|like (best|most|talking|chatting)|talk(ing)? (to|with)|favou?rite|trust\w*|buddy|buddies|who(?! are you\b)|anyone|someone|company|people)\b/i,
  interests:
    /\b(interest\w*|hobb\w*|free time|spare time|for fun|passion\w*|yourself|what (are|do) you (into|like|love|enjoy)|who are you)\b/i,
  plans: /\b(plans?|planning|next|future|going to|gonna|intend\w*|goals?|hop(e|es|ing)|tomorrow|will you)\b/i,
};

/** The topics a question asks about, in QUESTION_TOPICS order. */
export function asksAbout(question: string): QuestionTopic[] {
  return QUESTION_TOPICS.filter((t) => ASKS_ABOUT[t].test(question));
}
