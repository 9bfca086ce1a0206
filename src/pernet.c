// SPDX-License-Identifier: GPL-2.0
/*
 * pernet.c - per network namespace state (pernet_operations + net_generic).
 *
 * Locking: none yet. The state is set up in sctp_dar_net_init() before the
 * namespace is visible to sctp_dar's other parts and torn down in
 * sctp_dar_net_exit() after they have stopped using it.
 *
 * Contexts: sctp_dar_net_init()/sctp_dar_net_exit() run in process context
 * from the netns setup/cleanup work (may sleep).
 */
#include <linux/module.h>

#include "params.h"
#include "pernet.h"

unsigned int sctp_dar_net_id __read_mostly;
EXPORT_SYMBOL_IF_KUNIT(sctp_dar_net_id);

static int __net_init sctp_dar_net_init(struct net *net)
{
	struct sctp_dar_net *dn = sctp_dar_net(net);

	dn->net = net;
	dn->debounce_ms = READ_ONCE(sctp_dar_param_debounce_ms);
	dn->grace_ms = READ_ONCE(sctp_dar_param_grace_ms);
	dn->holddown_ms = READ_ONCE(sctp_dar_param_holddown_ms);
	dn->require_auth = READ_ONCE(sctp_dar_param_require_auth);
	return 0;
}

static void __net_exit sctp_dar_net_exit(struct net *net)
{
	struct sctp_dar_net *dn = sctp_dar_net(net);

	dn->net = NULL;
}

static struct pernet_operations sctp_dar_net_ops = {
	.init = sctp_dar_net_init,
	.exit = sctp_dar_net_exit,
	.id = &sctp_dar_net_id,
	.size = sizeof(struct sctp_dar_net),
};

/**
 * sctp_dar_pernet_init - register the per-namespace state
 *
 * Context: process context (module init).
 * Return: 0 or a negative errno from register_pernet_subsys().
 */
int sctp_dar_pernet_init(void)
{
	return register_pernet_subsys(&sctp_dar_net_ops);
}

/**
 * sctp_dar_pernet_exit - unregister it; runs the exit of every namespace
 *
 * Context: process context (module exit or init unwind).
 */
void sctp_dar_pernet_exit(void)
{
	unregister_pernet_subsys(&sctp_dar_net_ops);
}
