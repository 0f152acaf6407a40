import { method } from './define'

void method
export const investorsContract = {}
