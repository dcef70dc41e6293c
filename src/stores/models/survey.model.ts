import { Schema, type Connection } from 'mongoose';

const surveySchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    /** The lecturer the survey is about (as the timetable names them). */
    lecturerName: { type: String, required: true },
    openedAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    closedAt: Date,
    invited: { type: [String], default: [] },
  },
  { timestamps: true, collection: 'surveys' },
);
surveySchema.index({ cohortId: 1, lecturerName: 1 }, { unique: true });

const buildSurvey = (conn: Connection) => conn.model('Survey', surveySchema);

/** Registers the feedback survey model (seed: 四(二)5 培训意见反馈表). */
export function surveyModel(conn: Connection): ReturnType<typeof buildSurvey> {
  return (conn.models.Survey as ReturnType<typeof buildSurvey> | undefined) ?? buildSurvey(conn);
}

const responseSchema = new Schema(
  {
    surveyId: { type: Schema.Types.ObjectId, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    lecturerName: { type: String, required: true },
    platform: { type: String, required: true },
    /** Kept only to take one answer per trainee; exports and scorecards never show it. */
    userId: { type: String, required: true },
    satisfaction: { type: Number, required: true, min: 1, max: 5 },
    content: { type: Number, required: true, min: 1, max: 5 },
    pace: { type: Number, required: true, min: 1, max: 5 },
    improve: { type: String, default: '' },
    answeredAt: { type: Date, required: true },
  },
  { timestamps: true, collection: 'survey_responses' },
);
responseSchema.index({ surveyId: 1, platform: 1, userId: 1 }, { unique: true });

const buildResponse = (conn: Connection) => conn.model('SurveyResponse', responseSchema);

/** Registers the model of one trainee's answers to a survey. */
export function surveyResponseModel(conn: Connection): ReturnType<typeof buildResponse> {
  return (conn.models.SurveyResponse as ReturnType<typeof buildResponse> | undefined) ?? buildResponse(conn);
}
