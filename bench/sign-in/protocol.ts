/**
 * What the sign-in bench, its load generator and the bot process say to each other (see
 * ipc.ts). Every time is monoMs(): milliseconds on the machine's monotonic clock.
 */

/** A trainee or staff member as the mock WeChat knows them. */
export interface Person {
  id: string;
  name: string;
}

/** One group of the run: its room id and its trainees, in sending order. */
export interface RoomInfo {
  id: string;
  topic: string;
  trainees: Person[];
}

/** load generator ← `start` */
export interface GeneratorStartRequest {
  groups: number;
  traineesPerGroup: number;
  botName: string;
  /** Groups without trainees (the bot and staff only), after the `groups` with trainees: groups the bot only sends to. Default 0. */
  quietGroups?: number;
}

/** load generator → `start`: where the PuppetServer listens and who is in the groups. */
export interface GeneratorStarted {
  endpoint: string;
  token: string;
  botUserId: string;
  staff: Person;
  rooms: RoomInfo[];
}

/** load generator ← `setup`: the chat commands that set up each group's cohort. */
export interface SetupRequest {
  /** #新建班级 arguments after the name, e.g. `2027-03-02 2027-03-03 县电商服务中心`. */
  cohortDates: string;
  /** #课表 lines. */
  timetable: string;
  /** The reply #绑定 must contain, e.g. `登记学员 50 人`. */
  bindReply: string;
}

/** load generator ← `send`: paced arrivals. */
export interface SendRequest {
  /** Offered messages per second, spread evenly (one message every 1000/rate ms). */
  rate: number;
  /** Messages per trainee: the first 签到, then repeats. Round r goes out after round r−1, groups interleaved. */
  rounds: number;
  text: string;
  /** Only these groups' trainees send (default: every group with trainees). */
  roomIds?: string[];
}

/** One message the generator put in. */
export interface SentRecord {
  contactId: string;
  roomId: string;
  round: number;
  /** When it was due by the pacing, and when it actually went in. */
  dueAt: number;
  at: number;
}

/** load generator → `send`, once every message is in. */
export interface SendResult {
  sends: SentRecord[];
}

/** load generator → `status`, polled while the bot drains. */
export interface GeneratorStatus {
  sent: number;
  total: number;
  boards: number;
  /** Groups whose latest board shows everybody present (`已签到 N/N`, N = trainees per group). */
  finalBoards: number;
}

/** load generator → `received`: every message the bot sent since `mark` (whole text). */
export interface ReceivedMessage {
  conversationId: string;
  at: number;
  text: string;
}

/** A board (a message with 「已签到 N/M」) that reached the mock during the measurement. */
export interface BoardSeen {
  conversationId: string;
  at: number;
  present: number;
  total: number;
}

/** load generator → `report`: what the bot sent during the measurement. */
export interface GeneratorReport {
  boards: BoardSeen[];
  /** Anything else the bot sent (first 80 characters). */
  others: { conversationId: string; at: number; text: string }[];
}

/** bot process ← `start` */
export interface BotStartRequest {
  /** `bot`: the production runtime; `floor`: a bare Wechaty that only notes when each message arrives. */
  mode: 'bot' | 'floor';
  endpoint: string;
  token: string;
  /** Mode `floor`: the groups to load once before measuring (as the bot's setup does). */
  roomIds?: string[];
  /** The rest is for mode `bot` only. */
  mongoUri?: string;
  redisUrl?: string;
  prefix?: string;
  adminId?: string;
  boardIntervalMs?: number;
  /** The bot's clock (AdjustableClock) starts at this ISO time. */
  clockAt?: string;
  logLevel?: string;
  /** The bot account's send budget for its outbox (all targets together), given as OUTBOX_ACCOUNT_PER_MINUTE; unset: the default. */
  accountRate?: { limit: number; windowMs: number };
}

/** bot process → `start` */
export interface BotStarted {
  selfId: string;
}

/** bot process ← `measure`: from now on, note what happens to these senders' messages. */
export interface MeasureRequest {
  senderIds: string[];
  /** Write a CPU profile of the measurement (from `measure` to `report`) to this file (.cpuprofile, for Chrome DevTools). */
  cpuProfileFile?: string;
}

/** bot process → `status`, polled while it drains. */
export interface BotStatus {
  /** Messages from the senders that reached the bot (floor) or that the pipeline finished (bot). */
  done: number;
  failed: number;
  /** Attendance records of the senders whose write MongoDB acknowledged. */
  stored: number;
}

/** An attendance record's write, as the bot process's MongoDB driver saw it. */
export interface StoredRecord {
  userId: string;
  sessionId: string;
  /** When the command carrying it was issued, and when MongoDB acknowledged it. */
  issuedAt: number;
  ackAt: number;
  /** Issue order across the run: command sequence × 10⁶ + position in the command. */
  order: number;
  command: string;
}

/** bot process → `report` */
export interface BotReport {
  /** Per message: the sender and when it reached the bot (floor) or the pipeline finished it (bot). */
  done: { senderId: string; at: number; failed: boolean }[];
  stored: StoredRecord[];
  /** Peak resident set size since `measure` (VmHWM after a reset, else sampled every 50 ms). */
  peakRssMb: number;
  peakRssHow: 'VmHWM' | 'sampled';
  /** CPU time of the bot process since `measure` (user + system). */
  cpuMs: number;
  /** MongoDB commands started since `measure`, by name. */
  mongoCommands: Record<string, number>;
  /** The same by name and collection (`find leave_requests`). */
  mongoCommandsByCollection: Record<string, number>;
  /** Redis commands sent since `measure` by every client of the process, by name (bot mode only). */
  redisCommands: Record<string, number>;
  /** Round trips those commands took: one per command sent alone, one per pipeline or MULTI. */
  redisRoundTrips: number;
}
