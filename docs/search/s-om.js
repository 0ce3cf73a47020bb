editionSearch.shard("om",{"omits":[[12,2],[[12,"…about MAD, which the commentator omits. The edition reproduces the abridged excerpt as it appears in the commentary."]]]});
