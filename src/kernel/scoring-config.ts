import fs from 'node:fs';
import { z } from 'zod';

/** Points weights and tier thresholds (SPEC §3.4: thresholds are configuration, not code). */
export const scoringSchema = z.object({
  points: z.object({
    onTime: z.number().default(2),
    late: z.number().default(1),
    question: z.number().default(1),
    questionsPerDayCap: z.number().int().default(3),
    homeworkSubmitted: z.number().default(2),
    homeworkOnTime: z.number().default(1),
    /** Review scores are 0–100; points = score × this factor. */
    reviewScoreFactor: z.number().default(0.05),
    practice: z.number().default(3),
    /** Sales points per 100 yuan reported. */
    salesPer100Yuan: z.number().default(1),
    salesCapPerRecord: z.number().default(20),
  }).prefault({}),
  tiers: z.object({
    /** Points that make a trainee 优秀学员 without a recommendation. */
    excellentPoints: z.number().default(30),
    /** The assessment (老师评价、互动、作业完成) fails below this homework completion rate. */
    minHomeworkCompletion: z.number().min(0).max(1).default(0.6),
    /** …or below this average review score. */
    minAverageReview: z.number().min(0).max(100).default(60),
    incubationSalesYuan: z.number().default(1000),
    incubationInteractions: z.number().int().default(5),
    incubationAverageReview: z.number().min(0).max(100).default(80),
    outstandingListSize: z.number().int().min(1).default(5),
  }).prefault({}),
});

/** Validated scoring configuration. */
export type ScoringConfig = z.infer<typeof scoringSchema>;

/** The defaults, for tests and for deployments without a scoring file. */
export const DEFAULT_SCORING: ScoringConfig = scoringSchema.parse({});

/** Reads the scoring file named by SCORING_CONFIG (JSON; any field may be left out). */
export function loadScoringConfig(file: string | undefined): ScoringConfig {
  if (!file) return DEFAULT_SCORING;
  return scoringSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
