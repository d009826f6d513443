import { Type, type Static } from 'typebox';
import { Name, Role, SupportLine } from './common.js';

export const LoginRequest = Type.Object(
  { user: Name, password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

/** A user named in the path. */
export const UserNameParams = Type.Object({ name: Name }, { additionalProperties: false });

export const UserView = Type.Object({
  name: Type.String(),
  role: Role,
  line: Type.Union([SupportLine, Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserView = Static<typeof UserView>;

export const LoginResponse = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: UserView,
});
export type LoginResponse = Static<typeof LoginResponse>;

export const CreateUserRequest = Type.Object(
  {
    name: Name,
    role: Role,
    line: Type.Optional(SupportLine),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type CreateUserRequest = Static<typeof CreateUserRequest>;

export const CreateUserResponse = Type.Object({
  user: UserView,
  /** Present only when the server generated the password; shown once. */
  generatedPassword: Type.Optional(Type.String()),
});

export const ChangePasswordRequest = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 10, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

export const ResetPasswordResponse = Type.Object({
  user: UserView,
  /** Shown once; every earlier login of the user is signed out. */
  generatedPassword: Type.String(),
});
