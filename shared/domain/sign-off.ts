export type { SignOffRecordInput } from './sign-off.schema';

export const signOffKinds = ['signed', 'not_required'] as const;
export type SignOffKind = (typeof signOffKinds)[number];

export interface SignOffDto {
  id: string;
  ticketId: string;
  /** The visit it covers, as the crew and the client saw it. */
  visit: { id: string; startsAt: string; endsAt: string; technicianName: string };
  kind: SignOffKind;
  signerName: string | null;
  signerRole: string | null;
  signedAt: string | null;
  /** The drawn signature, a small PNG, inline. */
  signaturePngBase64: string | null;
  notRequiredReason: string | null;
  resolutionConfirmed: boolean;
  supersedesId: string | null;
  supersedeReason: string | null;
  /** The sign-off that replaced this one; null while it is the visit's current sign-off. */
  supersededById: string | null;
  current: boolean;
  recordedAt: string;
  recordedBy: { id: string; displayName: string };
}
