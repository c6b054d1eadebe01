#ifndef CONDUIT_CLIBXML2_SHIM_H
#define CONDUIT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Distribution builds of libxml2 enable ICU, and encoding.h then includes the system's ICU
 * headers, whose UErrorCode clashes with the ICU copy Foundation ships (_FoundationICU) in any
 * module that also sees Foundation. Conduit never touches the ICU members (they only add two
 * trailing pointer fields to xmlCharEncodingHandler, which is only ever used through pointers),
 * so the ICU part of the headers is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/SAX2.h>
#endif
