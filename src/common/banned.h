/*
 * Functions that make buffer overflows easy are compile errors here; use
 * xasprintf, snprintf, strlcpy-style lengths or struct buf instead.
 */
#ifndef DOSSIER_BANNED_H
#define DOSSIER_BANNED_H

#define BANNED(func) sorry_##func##_is_banned_in_dossier

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)
#undef system
#define system(x) BANNED(system)
#undef popen
#define popen(x, y) BANNED(popen)

#endif
