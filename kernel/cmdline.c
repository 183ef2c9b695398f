/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Boot command line: "name" and "name=value" words applied to a table of
 * struct boot_param. The parser is pure so the host tests run it as is;
 * only cmdline_parse_boot() knows about the linked table and the console.
 */
#include <tessera/cmdline.h>

#ifndef TESSERA_HOST_TEST
#include <tessera/console.h>
#endif

/*
 * A whole word ("name=value") must fit here. Longer words are reported,
 * never applied: a cut value would silently change its meaning.
 */
#define CMDLINE_WORD_MAX 256

struct cmdline_word {
    char buf[CMDLINE_WORD_MAX];
    const char *name;
    const char *value; /* NULL for a bare name */
    bool cut;          /* the word did not fit in buf */
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static const char *skip_blanks(const char *s)
{
    while (is_blank(*s))
        s++;
    return s;
}

static size_t word_length(const char *s)
{
    size_t len = 0;

    while (s[len] != '\0' && !is_blank(s[len]))
        len++;
    return len;
}

static void split_word(struct cmdline_word *w, const char *s, size_t len)
{
    size_t kept = MIN(len, sizeof(w->buf) - 1);
    char *eq;

    memcpy(w->buf, s, kept);
    w->buf[kept] = '\0';
    w->cut = kept < len;
    w->name = w->buf;
    w->value = NULL;
    eq = strchr(w->buf, '=');
    if (eq) {
        *eq = '\0';
        w->value = eq + 1;
    }
}

static const struct boot_param *find_param(const char *name, const struct boot_param *first,
                                           const struct boot_param *last)
{
    for (const struct boot_param *p = first; p < last; p++) {
        if (strcmp(p->name, name) == 0)
            return p;
    }
    return NULL;
}

static bool value_is_one_of(const char *value, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(value, words[i]) == 0)
            return true;
    }
    return false;
}

/* Stores val into an unsigned variable of size bytes; false when it does not fit. */
static bool store_uint(void *var, size_t size, unsigned long long val)
{
    switch (size) {
    case 1:
        if (val > UINT8_MAX)
            return false;
        *(uint8_t *)var = (uint8_t)val;
        return true;
    case 2:
        if (val > UINT16_MAX)
            return false;
        *(uint16_t *)var = (uint16_t)val;
        return true;
    case 4:
        if (val > UINT32_MAX)
            return false;
        *(uint32_t *)var = (uint32_t)val;
        return true;
    case 8:
        *(uint64_t *)var = (uint64_t)val;
        return true;
    default:
        return false;
    }
}

static bool apply_bool(const struct boot_param *p, const char *value)
{
    static const char *const yes[] = {"1", "yes", "on", "true"};
    static const char *const no[] = {"0", "no", "off", "false"};

    if (!value || value_is_one_of(value, yes, ARRAY_SIZE(yes)))
        return store_uint(p->var, p->size, 1);
    if (value_is_one_of(value, no, ARRAY_SIZE(no)))
        return store_uint(p->var, p->size, 0);
    return false;
}

static bool apply_uint(const struct boot_param *p, const char *value)
{
    unsigned long long val;
    const char *end;

    /* parse_ull would take a sign or leading blanks; an option must not. */
    if (!value || value[0] < '0' || value[0] > '9')
        return false;
    val = parse_ull(value, &end, 0);
    if (*end != '\0')
        return false;
    return store_uint(p->var, p->size, val);
}

/* Returns false when the value is malformed; the variable is then untouched. */
static bool apply_param(const struct boot_param *p, const char *value)
{
    switch (p->type) {
    case BP_BOOL:
        return apply_bool(p, value);
    case BP_UINT:
        return apply_uint(p, value);
    case BP_STRING:
        strlcpy(p->var, value ? value : "", p->size);
        return true;
    case BP_CUSTOM:
        return p->parse && p->parse(value ? value : "") == 0;
    }
    return false;
}

/* Returns the number of problems reported for this word: 0 or 1. */
static int parse_word(const char *s, size_t len, const struct boot_param *first,
                      const struct boot_param *last, cmdline_report_fn report)
{
    struct cmdline_word w;
    const struct boot_param *p;
    bool name_cut;

    split_word(&w, s, len);
    /* A cut name is only a prefix of the real one: never look it up. */
    name_cut = w.cut && !w.value;
    p = name_cut ? NULL : find_param(w.name, first, last);
    if (!p) {
        report("unknown boot option '%s%s' ignored\n", w.name, name_cut ? "..." : "");
        return 1;
    }
    if (w.cut || !apply_param(p, w.value)) {
        report("malformed value '%s%s' for boot option '%s' ignored\n", w.value ? w.value : "",
               w.cut ? "..." : "", w.name);
        return 1;
    }
    return 0;
}

int cmdline_parse(const char *cmdline, const struct boot_param *first,
                  const struct boot_param *last, cmdline_report_fn report)
{
    const char *s = cmdline ? cmdline : "";
    int problems = 0;

    for (s = skip_blanks(s); *s != '\0'; s = skip_blanks(s)) {
        size_t len = word_length(s);

        problems += parse_word(s, len, first, last, report);
        s += len;
    }
    return problems;
}

const char *cmdline_skip_image_name(const char *cmdline)
{
    const char *s;
    size_t len;
    bool has_slash = false;

    if (!cmdline)
        return "";
    s = skip_blanks(cmdline);
    len = word_length(s);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '=')
            return s;
        if (s[i] == '/')
            has_slash = true;
    }
    return has_slash ? skip_blanks(s + len) : s;
}

#ifndef TESSERA_HOST_TEST

char boot_cmdline[1024];

extern const struct boot_param __boot_params_start[], __boot_params_end[];

static void __printf(1, 2) report_warning(const char *fmt, ...)
{
    char msg[CMDLINE_WORD_MAX + 96];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    printk(LOG_WARNING "%s", msg);
}

/* Drops the word the copy cut in two: "dom0_mem=40960" must not become "dom0_mem=409". */
static void drop_cut_word(char *s, size_t len)
{
    while (len > 0 && !is_blank(s[len - 1]))
        len--;
    s[len] = '\0';
}

void cmdline_parse_boot(const char *cmdline)
{
    const char *args = cmdline_skip_image_name(cmdline);
    size_t len = strlcpy(boot_cmdline, args, sizeof(boot_cmdline));

    if (len >= sizeof(boot_cmdline)) {
        /* Only a cut inside a word loses something. */
        if (!is_blank(args[sizeof(boot_cmdline) - 1]))
            drop_cut_word(boot_cmdline, sizeof(boot_cmdline) - 1);
        printk(LOG_WARNING "boot command line longer than %zu bytes, the rest ignored\n",
               sizeof(boot_cmdline) - 1);
    }
    cmdline_parse(boot_cmdline, __boot_params_start, __boot_params_end, report_warning);
}

#endif /* TESSERA_HOST_TEST */
