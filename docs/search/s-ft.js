editionSearch.shard("ft",{"ft":[[61,10]]});
