import { z } from 'zod';

const atUser = z.object({ dingtalkId: z.string(), staffId: z.string().optional() });

const richTextPart = z.object({
  text: z.string().optional(),
  type: z.string().optional(),
  downloadCode: z.string().optional(),
  pictureDownloadCode: z.string().optional(),
});

/**
 * The robot message a Stream-mode callback carries in `data` (topic /v1.0/im/bot/messages/get),
 * as DingTalk documents it ("机器人接收消息"). Unknown fields pass through; only what the
 * adapter reads is checked.
 */
export const robotMessageSchema = z.looseObject({
  msgId: z.string().min(1),
  msgtype: z.string(),
  createAt: z.number(),
  /** '1' one-to-one chat, '2' group chat. */
  conversationType: z.enum(['1', '2']),
  /** In a group: the openConversationId the robot API sends to. */
  conversationId: z.string(),
  conversationTitle: z.string().optional(),
  senderId: z.string(),
  senderNick: z.string().default(''),
  /** The sender's userId in the robot's organisation; missing for people outside it. */
  senderStaffId: z.string().optional(),
  senderCorpId: z.string().optional(),
  chatbotUserId: z.string(),
  chatbotCorpId: z.string().optional(),
  robotCode: z.string().optional(),
  isAdmin: z.boolean().optional(),
  isInAtList: z.boolean().optional(),
  atUsers: z.array(atUser).default([]),
  sessionWebhook: z.string().optional(),
  sessionWebhookExpiredTime: z.number().optional(),
  text: z.object({ content: z.string() }).optional(),
  content: z
    .looseObject({
      downloadCode: z.string().optional(),
      pictureDownloadCode: z.string().optional(),
      fileName: z.string().optional(),
      richText: z.array(richTextPart).optional(),
    })
    .optional(),
});

/** A parsed robot message callback payload. */
export type RobotMessage = z.infer<typeof robotMessageSchema>;
