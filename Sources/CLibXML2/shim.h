#ifndef BINDERY_CLIBXML2_SHIM_H
#define BINDERY_CLIBXML2_SHIM_H
/* xmlversion.h first, then drop the ICU include: Debian's libxml2 pulls system ICU headers that
   clash with Foundation's bundled ICU (see TOOLCHAIN.md). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses to touch. */
static inline void bindery_xmlFree(void *pointer) { xmlFree(pointer); }

/* A structured error handler that swallows messages (the caller reads xmlGetLastError). */
static inline void bindery_silentStructuredError(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

#endif
