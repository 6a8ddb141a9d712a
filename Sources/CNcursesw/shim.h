/* Shim for ncursesw: SwiftPM drops pkg-config's -D flags, so define the
   feature macros here, and wrap the macros Swift cannot import. */
#ifndef ACUMEN_CNCURSESW_SHIM_H
#define ACUMEN_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t acumen_a_normal(void) { return A_NORMAL; }
static inline attr_t acumen_a_bold(void) { return A_BOLD; }
static inline attr_t acumen_a_reverse(void) { return A_REVERSE; }
static inline attr_t acumen_a_dim(void) { return A_DIM; }
static inline attr_t acumen_a_underline(void) { return A_UNDERLINE; }
static inline attr_t acumen_a_italic(void) { return A_ITALIC; }
static inline int acumen_getmaxy(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int acumen_getmaxx(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int acumen_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int acumen_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int acumen_key_resize(void) { return KEY_RESIZE; }
static inline int acumen_key_mouse(void) { return KEY_MOUSE; }


/* C globals are shared mutable state to Swift 6; read them through functions. */
static inline WINDOW *acumen_stdscr(void) { return stdscr; }
static inline int acumen_colors(void) { return COLORS; }
static inline int acumen_color_pairs(void) { return COLOR_PAIRS; }
static inline int acumen_key_f(int n) { return KEY_F(n); }
/* Mouse: clicks and the wheel (buttons 4 and 5); the masks are computed macros. */
static inline mmask_t acumen_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int acumen_mouse_is_click(mmask_t m) { return (m & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline int acumen_mouse_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int acumen_mouse_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }

#endif
