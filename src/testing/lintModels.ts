// A model with lint findings, for the tests of the lint stage and of where its findings show (CLI):
// `newest` reads every Player from one partition at 4,000 calls/s (lint.hotPartition), and
// `byHandle` asks a GSI for a strongly consistent read (lint.consistentGsiRead).
export const LINT_LOBBY_TEXT = `model "Lobby"
entity Player key playerId count 50
  playerId: string
  handle: string
  createdAt: datetime
getPlayer: Player by playerId returns one
byHandle: Player by handle returns one consistent
newest: Player order by createdAt desc rate 1000 peak 4000
`;
