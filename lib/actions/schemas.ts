import { z } from "zod";

/** Field rules shared by the account forms; the server applies them whatever the browser did. */
export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "Email addresses are at most 254 characters.")
  .email("Enter a valid email address, like name@example.com.");

export const nameField = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

/** Length and content are judged by the password policy; this only bounds the input size. */
export const newPasswordField = z.string().min(1, "Choose a password.").max(1024, "Use at most 256 characters.");

export const currentPasswordField = z.string().min(1, "Enter your current password.").max(1024);

export const tokenField = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid.");
