/** Long enough for any passphrase; bounded so a megabyte "password" cannot tie up scrypt. */
export const maxPasswordLength = 256;
