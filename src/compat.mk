# SPDX-License-Identifier: GPL-2.0
#
# compat.mk - feature probes of the kernel being built against, included by
# Kbuild and tests/kunit/Kbuild. Each probe greps the kernel's own headers
# and defines SCTP_DAR_HAVE_<FEATURE>; src/compat.h turns those into the
# helpers the code uses. Probes, not version numbers: distributions
# backport.

sctp_dar_has = $(shell grep -qsE '$(2)' $(srctree)/include/$(1) && echo y)

# 6.2: genl pre_doit/post_doit take a struct genl_split_ops.
ccflags-$(call sctp_dar_has,net/genetlink.h,^struct genl_split_ops) += -DSCTP_DAR_HAVE_GENL_SPLIT_OPS
# 6.4: a dump's parsed attributes live in the struct genl_info it embeds.
ccflags-$(call sctp_dar_has,net/genetlink.h,genl_info_dump) += -DSCTP_DAR_HAVE_GENL_INFO_DUMP
# 6.6: inet socket flags such as FREEBIND are bits of inet->inet_flags.
ccflags-$(call sctp_dar_has,net/inet_sock.h,define inet_test_bit) += -DSCTP_DAR_HAVE_INET_FLAGS
# 6.4: sctp_transport_lookup_process() takes the device index to match
# sockets bound to a device or an L3 master device.
ccflags-$(call sctp_dar_has,net/sctp/sctp.h,void .p. int dif) += -DSCTP_DAR_HAVE_LOOKUP_DIF
